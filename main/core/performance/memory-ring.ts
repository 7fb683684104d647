import type { MemorySample } from '../../../shared/performance';
import { RingBuffer } from '../../../shared/ring-buffer';

/** Memory samples kept unless told otherwise: ten minutes at one per second. */
export const DEFAULT_MEMORY_SAMPLES = 600;

/** The newest `capacity` memory samples; older ones are dropped and counted. */
export class MemoryRing {
  private readonly samples: RingBuffer<MemorySample>;

  constructor(readonly capacity: number = DEFAULT_MEMORY_SAMPLES) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`memory ring capacity must be a positive integer, got ${capacity}`);
    }
    this.samples = new RingBuffer(capacity);
  }

  /** Samples dropped because the ring was full. */
  get dropped(): number {
    return this.samples.evicted;
  }

  add(at: number, heapUsedBytes: number, rssBytes: number): void {
    this.samples.push({ at, heapUsedBytes, rssBytes });
  }

  /** The newest sample, if any. */
  latest(): MemorySample | undefined {
    return this.samples.newest();
  }

  /** Every kept sample, oldest first. */
  toArray(): MemorySample[] {
    return this.samples.toArray();
  }
}
