import type { RateSample } from '../../../shared/performance';

/** Whole seconds a rate counter remembers unless told otherwise. */
export const DEFAULT_RATE_SECONDS = 60;

/**
 * Counts occurrences per whole second of a clock, over the last `seconds` seconds, in a
 * preallocated ring of buckets. `record()` is O(1) amortised and allocates nothing: moving to
 * a new second clears the buckets skipped since the previous call (at most `seconds` of them).
 *
 * Second `s` covers clock times `[s * 1000, (s + 1) * 1000)` ms. The current second is still
 * filling, so `current()` reports the last whole one.
 *
 * @example
 * let nowMs = 0;
 * const rate = new RateCounter(() => nowMs);
 * rate.record(); rate.record();
 * nowMs = 1000;
 * rate.current(); // 2
 */
export class RateCounter {
  private readonly buckets: Float64Array;
  /** The second the bucket at `headIndex` counts; -Infinity before the first use. */
  private headSecond = Number.NEGATIVE_INFINITY;
  private headIndex = 0;
  private totalCount = 0;
  /** Seconds before the counter existed are unknown, so `series()` leaves them out. */
  private readonly startSecond: number;

  constructor(
    private readonly now: () => number,
    readonly seconds: number = DEFAULT_RATE_SECONDS
  ) {
    if (!Number.isInteger(seconds) || seconds < 1) {
      throw new RangeError(`rate window must be a positive number of seconds, got ${seconds}`);
    }
    this.buckets = new Float64Array(seconds + 1);
    this.startSecond = Math.floor(now() / 1000);
  }

  /** Occurrences ever recorded. */
  get total(): number {
    return this.totalCount;
  }

  /** Counts one occurrence now. */
  record(): void {
    this.advance(Math.floor(this.now() / 1000));
    this.buckets[this.headIndex] = (this.buckets[this.headIndex] ?? 0) + 1;
    this.totalCount++;
  }

  /** Occurrences in the last whole second. */
  current(): number {
    this.advance(Math.floor(this.now() / 1000));
    return this.bucketAt(1);
  }

  /**
   * The last `seconds` whole seconds (fewer while the counter is younger), oldest first;
   * `at` is the second's start in ms.
   */
  series(): RateSample[] {
    const nowSecond = Math.floor(this.now() / 1000);
    this.advance(nowSecond);
    const out: RateSample[] = [];
    for (let back = this.seconds; back >= 1; back--) {
      const second = nowSecond - back;
      if (second < this.startSecond) continue;
      out.push({ at: second * 1000, count: this.bucketAt(back) });
    }
    return out;
  }

  /** The bucket `back` seconds before the head. */
  private bucketAt(back: number): number {
    const length = this.buckets.length;
    return this.buckets[(this.headIndex - back + length) % length] ?? 0;
  }

  private advance(second: number): void {
    if (second <= this.headSecond) return;
    const length = this.buckets.length;
    const steps = Math.min(length, second - this.headSecond);
    for (let i = 0; i < steps; i++) {
      this.headIndex = (this.headIndex + 1) % length;
      this.buckets[this.headIndex] = 0;
    }
    this.headSecond = second;
  }
}
