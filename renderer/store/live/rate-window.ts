import { RingBuffer } from '../../../shared/ring-buffer';

const BUCKETS = 10;
const BUCKET_MS = 100;

/** Events counted in one 100 ms bucket. */
interface Bucket {
  epoch: number;
  count: number;
}

/**
 * Events per second by key over a sliding one-second window, in ten 100 ms buckets held in a
 * ring per key: `note` is O(1) and memory is fixed per key whatever the rate.
 *
 * @example
 * const rates = new RateWindow();
 * rates.note('design', performance.now());
 * rates.perSecond('design', performance.now()); // 1
 */
export class RateWindow {
  private readonly buckets = new Map<string, RingBuffer<Bucket>>();

  /** Counts `n` events for `key` at `nowMs` (times never go back). */
  note(key: string, nowMs: number, n = 1): void {
    let ring = this.buckets.get(key);
    if (!ring) {
      ring = new RingBuffer<Bucket>(BUCKETS);
      this.buckets.set(key, ring);
    }
    const epoch = Math.floor(nowMs / BUCKET_MS);
    const newest = ring.newest();
    if (newest?.epoch === epoch) newest.count += n;
    else ring.push({ epoch, count: n });
  }

  /** Events for `key` in the last second (the current bucket and the nine before it). */
  perSecond(key: string, nowMs: number): number {
    const ring = this.buckets.get(key);
    if (!ring) return 0;
    const epoch = Math.floor(nowMs / BUCKET_MS);
    let total = 0;
    for (let i = 0; i < ring.size; i++) {
      const bucket = ring.at(i) as Bucket;
      const age = epoch - bucket.epoch;
      if (age >= 0 && age < BUCKETS) total += bucket.count;
    }
    return total;
  }
}
