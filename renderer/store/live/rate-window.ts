const BUCKETS = 10;
const BUCKET_MS = 100;

interface Counter {
  /** Bucket index (time / BUCKET_MS) each slot currently counts. */
  epochs: number[];
  counts: number[];
}

/**
 * Events per second by key over a sliding one-second window, in ten 100 ms buckets: `note`
 * is O(1) and memory is fixed per key whatever the rate.
 *
 * @example
 * const rates = new RateWindow();
 * rates.note('design', performance.now());
 * rates.perSecond('design', performance.now()); // 1
 */
export class RateWindow {
  private readonly counters = new Map<string, Counter>();

  /** Counts `n` events for `key` at `nowMs`. */
  note(key: string, nowMs: number, n = 1): void {
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { epochs: new Array<number>(BUCKETS).fill(-1), counts: new Array<number>(BUCKETS).fill(0) };
      this.counters.set(key, counter);
    }
    const epoch = Math.floor(nowMs / BUCKET_MS);
    const slot = epoch % BUCKETS;
    if (counter.epochs[slot] !== epoch) {
      counter.epochs[slot] = epoch;
      counter.counts[slot] = 0;
    }
    counter.counts[slot] = (counter.counts[slot] as number) + n;
  }

  /** Events for `key` in the last second (the current bucket and the nine before it). */
  perSecond(key: string, nowMs: number): number {
    const counter = this.counters.get(key);
    if (!counter) return 0;
    const epoch = Math.floor(nowMs / BUCKET_MS);
    let total = 0;
    for (let slot = 0; slot < BUCKETS; slot++) {
      const age = epoch - (counter.epochs[slot] as number);
      if (age >= 0 && age < BUCKETS) total += counter.counts[slot] as number;
    }
    return total;
  }
}
