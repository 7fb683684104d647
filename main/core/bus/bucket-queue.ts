import { RingBuffer } from '../../../shared/ring-buffer';

/**
 * A priority queue for a fixed, small number of levels: one growable FIFO per level (plus the
 * enqueue time of each item), highest level served first. With four levels this is several
 * times faster than a binary heap (see MEASURED.md) and keeps FIFO order within a level.
 */
export class BucketQueue<T> {
  private readonly items: RingBuffer<T>[];
  private readonly times: RingBuffer<number>[];
  private total = 0;
  /** Enqueue time and level of the item most recently returned by `shift`. */
  readonly last = { enqueuedAt: 0, level: 0 };

  constructor(levels: number) {
    this.items = Array.from({ length: levels }, () => new RingBuffer<T>(16, { grow: true }));
    this.times = Array.from({ length: levels }, () => new RingBuffer<number>(16, { grow: true, vacant: 0 }));
  }

  get size(): number {
    return this.total;
  }

  sizeOf(level: number): number {
    return this.items[level]?.size ?? 0;
  }

  push(item: T, level: number, enqueuedAt: number): void {
    const bucket = this.items[level];
    if (!bucket) throw new RangeError(`no priority level ${level}`);
    bucket.push(item);
    (this.times[level] as RingBuffer<number>).push(enqueuedAt);
    this.total++;
  }

  /** Removes the oldest item of the highest non-empty level. */
  shift(): T | undefined {
    if (this.total === 0) return undefined;
    for (let level = this.items.length - 1; level >= 0; level--) {
      const bucket = this.items[level] as RingBuffer<T>;
      if (bucket.size === 0) continue;
      this.total--;
      this.last.level = level;
      this.last.enqueuedAt = (this.times[level] as RingBuffer<number>).shift() ?? 0;
      return bucket.shift();
    }
    return undefined;
  }
}
