import type { RateSample } from '../../../shared/performance';
import { RingBuffer } from '../../../shared/ring-buffer';

/** Whole seconds a rate counter remembers unless told otherwise. */
export const DEFAULT_RATE_SECONDS = 60;

/**
 * Counts occurrences per whole second of a clock, over the last `seconds` seconds: the count of
 * the second still filling, and a ring (the one ring buffer) of the whole seconds before it.
 * `record()` is O(1) amortised; moving to a new second closes the skipped seconds (at most
 * `seconds` of them).
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
  private readonly closed: RingBuffer<RateSample>;
  /** The second being counted; -Infinity before the first use. */
  private headSecond = Number.NEGATIVE_INFINITY;
  private headCount = 0;
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
    this.closed = new RingBuffer(seconds);
    this.startSecond = Math.floor(now() / 1000);
  }

  /** Occurrences ever recorded. */
  get total(): number {
    return this.totalCount;
  }

  /** Counts one occurrence now, or at `atMs` (a time of the same clock the caller already read). */
  record(atMs: number = this.now()): void {
    this.advance(Math.floor(atMs / 1000));
    this.headCount++;
    this.totalCount++;
  }

  /** Occurrences in the last whole second. */
  current(): number {
    const nowSecond = Math.floor(this.now() / 1000);
    this.advance(nowSecond);
    const last = this.closed.newest();
    return last && last.at === (nowSecond - 1) * 1000 ? last.count : 0;
  }

  /**
   * The last `seconds` whole seconds (fewer while the counter is younger), oldest first;
   * `at` is the second's start in ms.
   */
  series(): RateSample[] {
    const nowSecond = Math.floor(this.now() / 1000);
    this.advance(nowSecond);
    const bySecond = new Map(this.closed.toArray().map((sample) => [sample.at, sample.count]));
    const out: RateSample[] = [];
    for (let back = this.seconds; back >= 1; back--) {
      const second = nowSecond - back;
      if (second < this.startSecond) continue;
      out.push({ at: second * 1000, count: bySecond.get(second * 1000) ?? 0 });
    }
    return out;
  }

  /** Closes the seconds before `second` (the skipped ones with a count of 0). */
  private advance(second: number): void {
    if (second <= this.headSecond) return;
    if (Number.isFinite(this.headSecond)) {
      this.closed.push({ at: this.headSecond * 1000, count: this.headCount });
      const skipped = Math.min(this.seconds, second - this.headSecond - 1);
      for (let s = second - skipped; s < second; s++) this.closed.push({ at: s * 1000, count: 0 });
    }
    this.headSecond = second;
    this.headCount = 0;
  }
}
