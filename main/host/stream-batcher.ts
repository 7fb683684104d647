import type { EngineEvent, EventType } from '../../shared/events';
import type { Disposable } from '../../shared/disposable';
import type { StreamBatch } from '../../shared/protocol';
import { RingBuffer } from '../../shared/ring-buffer';

/**
 * Event types an overloaded stream may drop: noise the session state does not depend on (or
 * only keeps the latest of). Every other event is a fact of the projection and always arrives.
 */
export const DROPPABLE_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'synthetic_load',
  'performance_updated',
  'optimization_progress',
  'simulation_progress'
]);

export interface StreamBatcherOptions {
  send: (batch: StreamBatch) => void;
  /** False while the transport is backed up: events wait (and noise may be dropped) meanwhile. */
  canSend?: () => boolean;
  capacity?: number;
  frameMs?: number;
  maxEventsPerBatch?: number;
}

/**
 * Streams the log's events to one client in sequence order, in batches of at most one per frame,
 * through a bounded queue. Under overload the oldest noise is dropped and counted; a fact pushed
 * out of the full queue is set aside and sent first, so the client's projection never misses one.
 */
export class StreamBatcher implements Disposable {
  private readonly queue: RingBuffer<EngineEvent>;
  /** Facts pushed out of the full queue, oldest first. */
  private rescued: EngineEvent[] = [];
  private seq = 0;
  private droppedSinceLastBatch = 0;
  private droppedTotal = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly maxEventsPerBatch: number;

  constructor(private readonly options: StreamBatcherOptions) {
    this.queue = new RingBuffer(options.capacity ?? 20_000);
    this.maxEventsPerBatch = options.maxEventsPerBatch ?? 5_000;
    this.timer = setInterval(() => this.flush(), options.frameMs ?? 16);
    this.timer.unref?.();
  }

  push(event: EngineEvent): void {
    const evicted = this.queue.push(event);
    if (evicted === undefined) return;
    if (DROPPABLE_TYPES.has(evicted.eventType)) {
      this.droppedSinceLastBatch++;
      this.droppedTotal++;
    } else {
      this.rescued.push(evicted);
    }
  }

  get dropped(): number {
    return this.droppedTotal;
  }

  /** Sends what is waiting (called every frame; callable directly in tests). */
  flush(): void {
    if (this.options.canSend && !this.options.canSend()) return;
    if (this.queue.size === 0 && this.rescued.length === 0 && this.droppedSinceLastBatch === 0) return;
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
