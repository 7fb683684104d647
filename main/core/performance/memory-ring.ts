import type { MemorySample } from '../../../shared/performance';

/** Memory samples kept unless told otherwise: ten minutes at one per second. */
export const DEFAULT_MEMORY_SAMPLES = 600;

/**
 * The newest `capacity` memory samples in three preallocated columns; older ones are
 * overwritten (`dropped` counts them).
 */
export class MemoryRing {
  private readonly atMs: Float64Array;
  private readonly heapUsedBytes: Float64Array;
  private readonly rssBytes: Float64Array;
  private next = 0;
  private size = 0;
  private droppedCount = 0;

  constructor(readonly capacity: number = DEFAULT_MEMORY_SAMPLES) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`memory ring capacity must be a positive integer, got ${capacity}`);
    }
    this.atMs = new Float64Array(capacity);
    this.heapUsedBytes = new Float64Array(capacity);
    this.rssBytes = new Float64Array(capacity);
  }

  /** Samples overwritten because the ring was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  add(at: number, heapUsedBytes: number, rssBytes: number): void {
    if (this.size === this.capacity) this.droppedCount++;
    else this.size++;
    this.atMs[this.next] = at;
    this.heapUsedBytes[this.next] = heapUsedBytes;
    this.rssBytes[this.next] = rssBytes;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The newest sample, if any. */
  latest(): MemorySample | undefined {
    if (this.size === 0) return undefined;
    return this.sampleAt((this.next - 1 + this.capacity) % this.capacity);
  }

  /** Every kept sample, oldest first. */
  toArray(): MemorySample[] {
    const out: MemorySample[] = [];
    const first = (this.next - this.size + this.capacity) % this.capacity;
    for (let i = 0; i < this.size; i++) out.push(this.sampleAt((first + i) % this.capacity));
    return out;
  }

  private sampleAt(index: number): MemorySample {
    return {
      at: this.atMs[index] ?? 0,
      heapUsedBytes: this.heapUsedBytes[index] ?? 0,
      rssBytes: this.rssBytes[index] ?? 0
    };
  }
}
