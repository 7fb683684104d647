import type { EngineEvent, EventType } from '../../shared/events';
import type { Disposable } from '../../shared/disposable';
import type { StreamBatch } from '../../shared/protocol';
import { BoundedFifo } from './bounded-fifo';

/** Event types a client must always receive, however overloaded the stream is. */
const PROTECTED_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'error_occurred',
  'violation_opened',
  'violation_resolved',
  'validation_failed',
  'engine_restarted'
]);

/** What a batch carries beside events; each part only when it changed (see StreamBatch). */
export type BatchExtras = Pick<StreamBatch, 'engines' | 'metrics' | 'violations'>;

export interface StreamBatcherOptions {
  send: (batch: StreamBatch) => void;
  /** False while the transport is backed up: events wait (and may be dropped) meanwhile. */
  canSend?: () => boolean;
  /** Called once per frame for status, metrics and violation updates. */
  extras?: () => BatchExtras;
  capacity?: number;
  frameMs?: number;
  maxEventsPerBatch?: number;
}

/**
 * Streams events to one client in batches, at most one per frame, through a bounded queue.
 * Under overload the oldest ordinary events are dropped and counted; errors and violations
 * are set aside instead and always sent, ahead of newer events.
 */
export class StreamBatcher implements Disposable {
  private readonly queue: BoundedFifo<EngineEvent>;
  /** Protected events pushed out of the full queue, oldest first. */
  private rescued: EngineEvent[] = [];
  private seq = 0;
  private droppedSinceLastBatch = 0;
  private droppedTotal = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly maxEventsPerBatch: number;

  constructor(private readonly options: StreamBatcherOptions) {
    this.queue = new BoundedFifo(options.capacity ?? 20_000);
    this.maxEventsPerBatch = options.maxEventsPerBatch ?? 5_000;
    this.timer = setInterval(() => this.flush(), options.frameMs ?? 16);
    this.timer.unref?.();
  }

  push(event: EngineEvent): void {
    const evicted = this.queue.push(event);
    if (evicted === undefined) return;
    if (PROTECTED_TYPES.has(evicted.eventType)) {
      this.rescued.push(evicted);
    } else {
      this.droppedSinceLastBatch++;
      this.droppedTotal++;
    }
  }

  get dropped(): number {
    return this.droppedTotal;
  }

  /** Sends what is waiting (called every frame; callable directly in tests). */
  flush(): void {
    if (this.options.canSend && !this.options.canSend()) return;
    const extras = this.options.extras?.() ?? {};
    const hasExtras = extras.engines !== undefined || extras.metrics !== undefined || extras.violations !== undefined;
    if (this.queue.size === 0 && this.rescued.length === 0 && !hasExtras && this.droppedSinceLastBatch === 0) return;
    let events: EngineEvent[];
    if (this.rescued.length > 0) {
      events = this.rescued;
      this.rescued = [];
      events.push(...this.queue.take(Math.max(0, this.maxEventsPerBatch - events.length)));
    } else {
      events = this.queue.take(this.maxEventsPerBatch);
    }
    const batch: StreamBatch = {
      seq: this.seq++,
      sentAt: Date.now(),
      events,
      ...extras,
      dropped: { sinceLastBatch: this.droppedSinceLastBatch, total: this.droppedTotal },
      queue: { depth: this.queue.size, capacity: this.queue.capacity }
    };
    this.droppedSinceLastBatch = 0;
    this.options.send(batch);
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
