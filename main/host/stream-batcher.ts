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

/** Batches one frame may send when a burst waits (each at most `maxEventsPerBatch` events). */
const MAX_BATCHES_PER_FRAME = 16;

export interface StreamBatcherOptions {
  send: (batch: StreamBatch) => void;
  /** False while the transport is backed up: events wait (and noise may be dropped) meanwhile. */
  canSend?: () => boolean;
  capacity?: number;
  frameMs?: number;
  maxEventsPerBatch?: number;
  /** A failure while sending (the timer must not end the process). */
  onError?: (error: unknown) => void;
  /**
   * The client fell so far behind that more facts wait than the queue holds (`capacity`): it can
   * no longer be kept in step at a bounded cost and should be disconnected (it resyncs on reconnect).
   */
  onOverflow?: (waiting: number) => void;
}

/**
 * Streams the log's events to one client in sequence order, in batches (what one turn of the
 * event loop published, up to `maxEventsPerBatch`), through a bounded queue. Under overload the
 * oldest noise is dropped and counted; a fact pushed out of the full queue is set aside and sent
 * first, so the client's projection never misses one. Set-aside facts are bounded too: past the
 * queue's capacity the client is reported as overflowed (`onOverflow`).
 */
export class StreamBatcher implements Disposable {
  private readonly queue: RingBuffer<EngineEvent>;
  /** Facts pushed out of the full queue, oldest first. */
  private rescued: EngineEvent[] = [];
  private seq = 0;
  private droppedSinceLastBatch = 0;
  private droppedTotal = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private wakePending = false;
  private overflowed = false;
  private readonly maxEventsPerBatch: number;

  constructor(private readonly options: StreamBatcherOptions) {
    this.queue = new RingBuffer(options.capacity ?? 20_000);
    this.maxEventsPerBatch = options.maxEventsPerBatch ?? 5_000;
    this.timer = setInterval(this.guardedDrain, options.frameMs ?? 16);
    this.timer.unref?.();
  }

  push(event: EngineEvent): void {
    const evicted = this.queue.push(event);
    // What one turn of the event loop publishes goes out at its end, as one batch.
    this.wake();
    if (evicted === undefined) return;
    if (DROPPABLE_TYPES.has(evicted.eventType)) {
      this.droppedSinceLastBatch++;
      this.droppedTotal++;
    } else {
      this.rescued.push(evicted);
      if (this.rescued.length > this.queue.capacity && !this.overflowed) {
        this.overflowed = true;
        this.options.onOverflow?.(this.queue.size + this.rescued.length);
      }
    }
  }

  get dropped(): number {
    return this.droppedTotal;
  }

  /**
   * Sends what waits at the end of this turn of the event loop (events published together go out
   * together); also called when the transport took what it was sent, so a burst flows as fast as
   * the client reads. The frame timer retries while the transport is backed up.
   */
  wake(): void {
    if (this.wakePending || (this.queue.size === 0 && this.rescued.length === 0)) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      this.guardedDrain();
    });
  }

  private readonly guardedDrain = (): void => {
    try {
      this.drain();
    } catch (error) {
      (this.options.onError ?? ((e: unknown) => console.error('[flightdeck] stream flush failed:', e)))(error);
    }
  };

  /**
   * Each frame: batches until the queue is empty or the transport is backed up (at most
   * `MAX_BATCHES_PER_FRAME`), so a burst is not held to one batch per frame.
   */
  private drain(): void {
    for (let sent = 0; sent < MAX_BATCHES_PER_FRAME && this.flush(); sent++) {
      if (this.queue.size === 0 && this.rescued.length === 0) return;
    }
  }

  /** Sends one batch of what is waiting (callable directly in tests); false when nothing was sent. */
  flush(): boolean {
    if (this.options.canSend && !this.options.canSend()) return false;
    if (this.queue.size === 0 && this.rescued.length === 0 && this.droppedSinceLastBatch === 0) return false;
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
    return true;
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
