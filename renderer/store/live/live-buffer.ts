import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineEvent } from '../../../shared/events';
import { noteEventsReceived } from './debug-hooks';
import { EventRing } from './event-ring';
import { compileFilter, EMPTY_FILTERS, type EventFilters } from './event-filter';
import { FilteredIndex } from './filtered-index';
import { RateWindow } from './rate-window';

/** Events the renderer keeps; older ones are evicted and counted. */
export const RING_CAPACITY = 200_000;
/** Configurations kept by version, for the configuration diff. */
const MAX_CONFIGURATIONS = 32;
/** Events tested per step while catching up with a filter. */
const FILTER_STEP = 2000;

/** Key of the rate counter over all events. */
const ALL = '*';

/**
 * The live event buffer, kept OUTSIDE React state: the ring of events, the filtered index the
 * timeline shows, client-side rates per source engine, when events last flowed between two
 * engines (for the graph's edge pulses) and recent configurations (for the diff). The store
 * holds only a version number bumped once per animation frame.
 */
export class LiveBuffer {
  readonly ring: EventRing;
  private readonly rates = new RateWindow();
  private readonly flows = new Map<string, number>();
  private readonly configurations = new Map<number, AircraftConfiguration>();
  private index: FilteredIndex;
  private appliedFilters: EventFilters = EMPTY_FILTERS;

  constructor(capacity = RING_CAPACITY) {
    this.ring = new EventRing(capacity);
    this.index = new FilteredIndex(compileFilter(EMPTY_FILTERS), 0);
  }

  /** Appends a batch (the filtered index tests the new events on the next `catchUp`). */
  append(events: readonly EngineEvent[], nowMs: number = performance.now()): void {
    for (const event of events) {
      this.ring.push(event);
      this.rates.note(event.sourceEngine, nowMs);
      for (const target of event.targetEngines ?? []) this.flows.set(`${event.sourceEngine}>${target}`, nowMs);
      if (event.eventType === 'configuration_changed') this.rememberConfiguration(event);
    }
    this.rates.note(ALL, nowMs, events.length);
    noteEventsReceived(events.length);
  }

  /** Applies new filters (when they differ from the applied ones); the index restarts. */
  applyFilters(filters: EventFilters): void {
    if (filters === this.appliedFilters) return;
    this.appliedFilters = filters;
    this.index.reset(compileFilter(filters), this.ring.oldestSeq);
  }

  get filters(): EventFilters {
    return this.appliedFilters;
  }

  /**
   * Tests not-yet-tested events until done or `deadlineMs` (a `performance.now()` value)
   * passes. Returns true when the filtered index is complete.
   */
  catchUp(deadlineMs: number): boolean {
    let done = this.index.advance(this.ring, FILTER_STEP);
    while (!done && performance.now() < deadlineMs) done = this.index.advance(this.ring, FILTER_STEP);
    return done;
  }

  /** Ids of the events at or after `sinceTimestamp`, newest first until an older one. */
  idsSince(sinceTimestamp: number): Set<string> {
    const ids = new Set<string>();
    for (let seq = this.ring.nextSeq - 1; seq >= this.ring.oldestSeq; seq--) {
      const event = this.ring.get(seq);
      if (!event || event.timestamp < sinceTimestamp) break;
      ids.add(event.eventId);
    }
    return ids;
  }

  /** Events the timeline shows (after filters). */
  get visibleCount(): number {
    return this.index.length;
  }

  /** Matches ever found by the current filter (for "N new while paused"). */
  get matchedTotal(): number {
    return this.index.matched;
  }

  /** The i-th visible event, oldest first. */
  visibleAt(i: number): EngineEvent | undefined {
    const seq = this.index.seqAt(i);
    return seq === undefined ? undefined : this.ring.get(seq);
  }

  /** Position of an event among the visible ones, or -1 (scans back from the newest). */
  visibleIndexOf(eventId: string): number {
    for (let seq = this.ring.nextSeq - 1; seq >= this.ring.oldestSeq; seq--) {
      if (this.ring.get(seq)?.eventId === eventId) return this.index.indexOfSeq(seq);
    }
    return -1;
  }

  /** The held event with this id, searching from the newest. */
  findById(eventId: string): EngineEvent | undefined {
    for (let seq = this.ring.nextSeq - 1; seq >= this.ring.oldestSeq; seq--) {
      const event = this.ring.get(seq);
      if (event?.eventId === eventId) return event;
    }
    return undefined;
  }

  /** Up to `limit` held events passing `test`, newest first. */
  newestWhere(test: (event: EngineEvent) => boolean, limit: number): EngineEvent[] {
    const out: EngineEvent[] = [];
    for (let seq = this.ring.nextSeq - 1; seq >= this.ring.oldestSeq && out.length < limit; seq--) {
      const event = this.ring.get(seq);
      if (event && test(event)) out.push(event);
    }
    return out;
  }

  /** Events per second over the last second: all events, or those from one source engine. */
  perSecond(sourceEngine: string | null, nowMs: number = performance.now()): number {
    return this.rates.perSecond(sourceEngine ?? ALL, nowMs);
  }

  /** Milliseconds since an event last went from `source` to `target` (Infinity if never). */
  flowAgeMs(source: string, target: string, nowMs: number = performance.now()): number {
    const at = this.flows.get(`${source}>${target}`);
    return at === undefined ? Number.POSITIVE_INFINITY : nowMs - at;
  }

  /** A configuration seen (from `configuration.get` or an event) by version. */
  configuration(version: number): AircraftConfiguration | undefined {
    return this.configurations.get(version);
  }

  rememberConfigurationVersion(version: number, configuration: AircraftConfiguration): void {
    this.configurations.set(version, configuration);
    if (this.configurations.size > MAX_CONFIGURATIONS) {
      const oldest = Math.min(...this.configurations.keys());
      this.configurations.delete(oldest);
    }
  }

  private rememberConfiguration(event: EngineEvent): void {
    const version = event.data.version;
    const configuration = event.data.configuration;
    if (typeof version === 'number' && typeof configuration === 'object' && configuration !== null) {
      this.rememberConfigurationVersion(version, configuration as AircraftConfiguration);
    }
  }
}

/** The renderer's one live buffer. */
export const liveBuffer = new LiveBuffer();
