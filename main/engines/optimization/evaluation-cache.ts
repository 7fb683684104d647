/**
 * A least-recently-used map with a size cap: when full, the entry used longest ago is dropped.
 * Discrete design spaces revisit the same genomes often, so NSGA-II keeps one per run.
 *
 * @example
 * const cache = new BoundedCache<string, number>(2);
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3); // drops 'b'
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private evictedCount = 0;

  constructor(readonly capacity: number) {}

  /** Entries dropped because the cache was full. */
  get evictions(): number {
    return this.evictedCount;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached value (and marks it as recently used), or undefined. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores a value; a capacity of 0 stores nothing. */
  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
      this.evictedCount++;
    }
  }
}
