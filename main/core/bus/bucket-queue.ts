/**
 * A FIFO deque on a growable circular buffer, storing an enqueue time beside each item.
 * `push` never allocates unless the buffer has to double.
 */
class TimedDeque<T> {
  private items: (T | undefined)[] = new Array<T | undefined>(16);
  private times = new Float64Array(16);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T, enqueuedAt: number): void {
    if (this.count === this.items.length) this.grow();
    const index = (this.head + this.count) & (this.items.length - 1);
    this.items[index] = item;
    this.times[index] = enqueuedAt;
    this.count++;
  }

  /** Removes the oldest item; its enqueue time is left in `sink.enqueuedAt`. */
  shift(sink: { enqueuedAt: number }): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    sink.enqueuedAt = this.times[this.head] ?? 0;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    return item;
  }

  private grow(): void {
    const capacity = this.items.length * 2;
    const items = new Array<T | undefined>(capacity);
    const times = new Float64Array(capacity);
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) & (this.items.length - 1);
      items[i] = this.items[from];
      times[i] = this.times[from] ?? 0;
    }
    this.items = items;
    this.times = times;
    this.head = 0;
  }
}

/**
 * A priority queue for a fixed, small number of levels: one FIFO per level, highest level
 * served first. With four levels this is several times faster than a binary heap
 * (see MEASURED.md) and keeps FIFO order within a level for free.
 */
export class BucketQueue<T> {
  private readonly buckets: TimedDeque<T>[];
  private total = 0;
  /** Enqueue time of the item most recently returned by `shift`. */
  readonly last = { enqueuedAt: 0, level: 0 };

  constructor(levels: number) {
    this.buckets = Array.from({ length: levels }, () => new TimedDeque<T>());
  }

  get size(): number {
    return this.total;
  }

  sizeOf(level: number): number {
    return this.buckets[level]?.size ?? 0;
  }

  push(item: T, level: number, enqueuedAt: number): void {
    const bucket = this.buckets[level];
    if (!bucket) throw new RangeError(`no priority level ${level}`);
    bucket.push(item, enqueuedAt);
    this.total++;
  }

  /** Removes the oldest item of the highest non-empty level. */
  shift(): T | undefined {
    if (this.total === 0) return undefined;
    for (let level = this.buckets.length - 1; level >= 0; level--) {
      const bucket = this.buckets[level] as TimedDeque<T>;
      if (bucket.size > 0) {
        this.total--;
        this.last.level = level;
        return bucket.shift(this.last);
      }
    }
    return undefined;
  }
}
