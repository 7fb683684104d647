/**
 * The one ring buffer of the code base: a circular array addressed by absolute index. The first
 * item ever pushed has index 0 and an index stays the same while its item is held, so a reader
 * can remember "I have read up to index n". A bounded ring evicts its oldest item when full and
 * counts what it evicted; a growable one (`grow: true`) doubles instead and never evicts.
 *
 * Used as a history window (push, read by index), a FIFO queue (push, shift/take) and a sample
 * window (push, toArray).
 *
 * @example
 * const ring = new RingBuffer<string>(2);
 * ring.push('a'); ring.push('b'); ring.push('c'); // returns 'a', evicted
 * ring.firstIndex; // 1
 * ring.get(2); // 'c'
 * ring.evicted; // 1
 */
export class RingBuffer<T> {
  private slots: (T | undefined)[];
  private head = 0;
  private count = 0;
  private first = 0;
  private evictedCount = 0;
  private readonly growable: boolean;
  private readonly vacant: T | undefined;

  /**
   * `vacant` is written into emptied slots (default undefined, which releases references). A
   * ring of numbers passes 0, so its array keeps unboxed doubles and a push allocates nothing.
   */
  constructor(capacity: number, options: { grow?: boolean; vacant?: T } = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
    }
    this.vacant = options.vacant;
    this.slots = new Array<T | undefined>(capacity).fill(this.vacant);
    this.growable = options.grow ?? false;
  }

  get capacity(): number {
    return this.slots.length;
  }

  /** Items held now. */
  get size(): number {
    return this.count;
  }

  /** Items the capacity pushed out (never counts `shift`/`take`). */
  get evicted(): number {
    return this.evictedCount;
  }

  /** Absolute index of the oldest item held (= items ever removed). */
  get firstIndex(): number {
    return this.first;
  }

  /** Absolute index the next pushed item gets (= items ever pushed). */
  get nextIndex(): number {
    return this.first + this.count;
  }

  /** Appends an item; returns the item it evicted when a bounded ring was full. */
  push(item: T): T | undefined {
    const capacity = this.slots.length;
    if (this.count < capacity) {
      this.slots[(this.head + this.count) % capacity] = item;
      this.count++;
      return undefined;
    }
    if (this.growable) {
      this.resize(capacity * 2);
      this.slots[this.count] = item;
      this.count++;
      return undefined;
    }
    const evicted = this.slots[this.head];
    this.slots[this.head] = item;
    this.head = (this.head + 1) % capacity;
    this.first++;
    this.evictedCount++;
    return evicted;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = this.vacant;
    this.head = (this.head + 1) % this.slots.length;
    this.count--;
    this.first++;
    return item;
  }

  /** Removes and returns up to `max` of the oldest items, oldest first. */
  take(max: number): T[] {
    const n = Math.max(0, Math.min(max, this.count));
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[i] = this.shift() as T;
    return out;
  }

  /** The item `offset` places after the oldest held (0 = oldest). */
  at(offset: number): T | undefined {
    if (offset < 0 || offset >= this.count) return undefined;
    return this.slots[(this.head + offset) % this.slots.length];
  }

  /** The item with this absolute index, or undefined when it is gone or not pushed yet. */
  get(index: number): T | undefined {
    return this.at(index - this.first);
  }

  newest(): T | undefined {
    return this.at(this.count - 1);
  }

  oldest(): T | undefined {
    return this.at(0);
  }

  /** Oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.at(i) as T;
    return out;
  }

  /** Empties the ring; indexes continue from where they were. */
  clear(): void {
    this.first += this.count;
    this.slots.fill(this.vacant);
    this.head = 0;
    this.count = 0;
  }

  private resize(capacity: number): void {
    const slots = new Array<T | undefined>(capacity).fill(this.vacant);
    for (let i = 0; i < this.count; i++) slots[i] = this.at(i);
    this.slots = slots;
    this.head = 0;
  }
}
