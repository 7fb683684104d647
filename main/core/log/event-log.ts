import { randomUUID } from 'node:crypto';
import {
  EVENT_TYPES,
  PRIORITY_RANK,
  type EngineEvent,
  type EventInput,
  type HistoryQuery
} from '../../../shared/events';
import type { Disposable } from '../../../shared/disposable';
import { Emitter } from '../../../shared/emitter';
import { RingBuffer } from '../../../shared/ring-buffer';
import { queryHistory } from './history-query';

const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

export interface EventLogOptions {
  /** Events the in-memory history window keeps. Default 1000. */
  historySize?: number;
  /** The position after which numbering continues (a recovered session's last seq). Default 0. */
  lastSeq?: number;
  /** The configuration version events default to until the next `configuration_changed`. Default 0. */
  configVersion?: number;
}

/**
 * The session's log: every published event gets the next sequence number (gap-free, from 1), its
 * id and time, and the configuration version it belongs to, then is kept in a bounded history
 * window and handed to every append listener — synchronously, in sequence order. The projection,
 * the host's stream and the store are append listeners; the bus delivers to engine handlers.
 *
 * @example
 * const log = new EventLog({ historySize: 10_000 });
 * log.onDidAppend((event) => (state = project(state, event)));
 * log.append({ eventType: 'rule_removed', sourceEngine: 'consistency_manager', data: { ruleId: 'x' } });
 */
export class EventLog implements Disposable {
  private readonly history: RingBuffer<EngineEvent>;
  private seq: number;
  private version: number;
  private failures = 0;
  private delivering = false;
  /**
   * Wall-clock time = this + the monotonic clock: one clock read per event instead of two, and
   * events stay stamped in order even if the system clock is adjusted while the log runs.
   */
  private readonly wallClockOffsetMs = Date.now() - performance.now();
  private readonly waiting: EngineEvent[] = [];
  /** Random per log: makes event ids unique across sessions, replays and processes. */
  readonly id = randomUUID().slice(0, 18);

  private readonly _onDidAppend = new Emitter<EngineEvent>(() => {
    // An append listener that throws must not stop the others or the publisher.
    this.failures++;
  });
  /** Fires for every event, in sequence order, before `append` returns. */
  readonly onDidAppend = this._onDidAppend.event;

  constructor(options: EventLogOptions = {}) {
    this.history = new RingBuffer(options.historySize ?? 1000);
    this.seq = options.lastSeq ?? 0;
    this.version = options.configVersion ?? 0;
  }

  /**
   * Builds the event from `input`, numbers it and appends it. Throws on an unknown type or
   * priority. `nowMs` is a `performance.now()` value the caller already read (the bus reads one
   * anyway): the event's wall-clock time is derived from it.
   */
  append(input: EventInput, nowMs: number = performance.now()): EngineEvent {
    if (!KNOWN_TYPES.has(input.eventType)) throw new TypeError(`unknown event type: ${String(input.eventType)}`);
    const priority = input.priority ?? 'NORMAL';
    if (!Object.hasOwn(PRIORITY_RANK, priority)) throw new TypeError(`unknown priority: ${String(priority)}`);
    // Unique without a random draw per event (a third of the publish cost): the log's own
    // random id plus the sequence number.
    const eventId = `${this.id}-${this.seq + 1}`;
    if (input.eventType === 'configuration_changed') this.version = input.data.version;
    const event = {
      seq: ++this.seq,
      eventId,
      eventType: input.eventType,
      sourceEngine: input.sourceEngine,
      priority,
      timestamp: this.wallClockOffsetMs + nowMs,
      configVersion: input.configVersion ?? this.version,
      requiresResponse: input.requiresResponse ?? false,
      correlationId: input.correlationId ?? eventId,
      causationId: input.causationId ?? null,
      data: input.data
    } as EngineEvent;
    if (input.targetEngines !== undefined) event.targetEngines = input.targetEngines;
    this.history.push(event);
    this.deliver(event);
    return event;
  }

  /**
   * Hands an event to the listeners. An event appended by a listener while another is being
   * handed out waits its turn, so every listener sees every event in sequence order.
   */
  private deliver(event: EngineEvent): void {
    if (this.delivering) {
      this.waiting.push(event);
      return;
    }
    this.delivering = true;
    try {
      this._onDidAppend.fire(event);
      for (let next = this.waiting.shift(); next; next = this.waiting.shift()) this._onDidAppend.fire(next);
    } finally {
      this.delivering = false;
    }
  }

  /** The newest sequence number given out (0 = none yet). */
  get lastSeq(): number {
    return this.seq;
  }

  /** The configuration version events are stamped with by default. */
  get configVersion(): number {
    return this.version;
  }

  /** Events in the history window now. */
  get size(): number {
    return this.history.size;
  }

  /** Events that left the history window (it keeps the newest `historySize`). */
  get evicted(): number {
    return this.history.evicted;
  }

  /** Append listeners that threw (each was reported and skipped). */
  get listenerFailures(): number {
    return this.failures;
  }

  /** The event with this sequence number, while it is in the window. */
  get(seq: number): EngineEvent | undefined {
    const oldest = this.history.oldest();
    if (!oldest) return undefined;
    return this.history.at(seq - oldest.seq);
  }

  /** Matching events of the window, oldest first; `limit` keeps the newest matches. */
  query(query: HistoryQuery = {}): EngineEvent[] {
    return queryHistory(this.history, query);
  }

  dispose(): void {
    this._onDidAppend.dispose();
  }
}
