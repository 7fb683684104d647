import type { EngineEvent } from '../../../shared/events';
import { RingBuffer } from '../../../shared/ring-buffer';
import { noteEventsReceived } from './debug-hooks';
import { compileFilter, EMPTY_FILTERS, type EventFilters } from './event-filter';
import { FilteredIndex } from './filtered-index';
import { RateWindow } from './rate-window';

/** Events the renderer keeps; older ones are evicted and counted. */
export const RING_CAPACITY = 200_000;
/** Events tested per step while catching up with a filter. */
const FILTER_STEP = 2000;

/** Key of the rate counter over all events. */
const ALL = '*';

/**
 * The live event buffer, kept OUTSIDE React state: a window of the host's log (events in seq
 * order, each at most once), the filtered index the timeline shows, client-side rates per source
 * engine and when events last flowed between two engines (for the graph's edge pulses). The
 * store holds only a version number bumped once per animation frame.
 */
export class LiveBuffer {
  readonly ring: RingBuffer<EngineEvent>;
  private readonly rates = new RateWindow();
  private readonly flows = new Map<string, number>();
  private index: FilteredIndex;
  private appliedFilters: EventFilters = EMPTY_FILTERS;
  private newestSeq = 0;

  constructor(capacity = RING_CAPACITY) {
    this.ring = new RingBuffer<EngineEvent>(capacity);
    this.index = new FilteredIndex(compileFilter(EMPTY_FILTERS), 0);
  }

  /** The seq of the newest event held (0 before any): history after it is what is missing. */
  get lastSeq(): number {
    return this.newestSeq;
  }

  /**
   * Appends the events newer than the newest held (by seq, so an overlap between history and
   * the stream shows nothing twice); returns how many were new. The filtered index tests them on
   * the next `catchUp`.
   */
  append(events: readonly EngineEvent[], nowMs: number = performance.now()): number {
    let added = 0;
    for (const event of events) {
      if (event.seq <= this.newestSeq) continue;
      this.newestSeq = event.seq;
      this.ring.push(event);
      added++;
      this.rates.note(event.sourceEngine, nowMs);
      for (const target of event.targetEngines ?? []) this.flows.set(`${event.sourceEngine}>${target}`, nowMs);
    }
    this.rates.note(ALL, nowMs, added);
    noteEventsReceived(added, this.newestSeq);
    return added;
  }

  /** Forgets every event (the host's log started over): the next append starts from seq 1. */
  clear(): void {
    this.ring.clear();
    this.newestSeq = 0;
  }

  /** Applies new filters (when they differ from the applied ones); the index restarts. */
  applyFilters(filters: EventFilters): void {
    if (filters === this.appliedFilters) return;
    this.appliedFilters = filters;
    this.index.reset(compileFilter(filters), this.ring.firstIndex);
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
    const position = this.index.positionAt(i);
    return position === undefined ? undefined : this.ring.get(position);
  }

  /** Rank of an event among the visible ones, or -1 (scans back from the newest). */
  visibleIndexOf(eventId: string): number {
    for (let position = this.ring.nextIndex - 1; position >= this.ring.firstIndex; position--) {
      if (this.ring.get(position)?.eventId === eventId) return this.index.indexOfPosition(position);
    }
    return -1;
  }

  /** The held event with this id, searching from the newest. */
  findById(eventId: string): EngineEvent | undefined {
    return this.newestWhere((event) => event.eventId === eventId, 1)[0];
  }

  /**
   * Up to `limit` held events passing `test`, newest first; the scan back stops early at the
   * first event passing `stop` (say, the start of the chain looked for).
   */
  newestWhere(test: (event: EngineEvent) => boolean, limit: number, stop?: (event: EngineEvent) => boolean): EngineEvent[] {
    const out: EngineEvent[] = [];
    for (let position = this.ring.nextIndex - 1; position >= this.ring.firstIndex && out.length < limit; position--) {
      const event = this.ring.get(position);
      if (!event) continue;
      if (test(event)) out.push(event);
      if (stop?.(event)) break;
    }
    return out;
  }

  /** The held `configuration_changed` event that announced `version`, if still held. */
  configurationChange(version: number): EngineEvent<'configuration_changed'> | undefined {
    const [found] = this.newestWhere((event) => event.eventType === 'configuration_changed' && event.data.version === version, 1);
    return found as EngineEvent<'configuration_changed'> | undefined;
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
}

/** The renderer's one live buffer. */
export const liveBuffer = new LiveBuffer();
