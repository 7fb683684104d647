import { RingBuffer } from '../../../shared/ring-buffer';

/** Samples a window keeps unless told otherwise. */
export const DEFAULT_WINDOW_CAPACITY = 1000;

/** Statistics over the samples currently in a window; zeros when it is empty. */
export interface WindowStats {
  /** Samples ever added, including those the window has since dropped. */
  count: number;
  /** Samples the figures below are computed over. */
  windowSize: number;
  mean: number;
  min: number;
  max: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * The nearest-rank percentile of ascending `sorted` values: the value at rank
 * `ceil(p / 100 * n)` (1-based, at least 1). No interpolation, so the result is always an
 * observed sample. Returns 0 for an empty array.
 *
 * @example
 * nearestRankPercentile(Float64Array.from([1, 2, 3, 4]), 50); // 2 (rank ceil(2) = 2)
 */
export function nearestRankPercentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sorted[rank - 1] ?? 0;
}

/**
 * The newest `capacity` numeric samples (the one ring buffer). `add` is O(1); `stats()` sorts a
 * copy of the window (O(n log n)), so call it when reporting, not per sample.
 *
 * @example
 * const window = new SampleWindow();
 * for (let i = 1; i <= 100; i++) window.add(i);
 * window.stats().p95; // 95
 */
export class SampleWindow {
  private readonly samples: RingBuffer<number>;
  private total = 0;

  constructor(readonly capacity: number = DEFAULT_WINDOW_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`window capacity must be a positive integer, got ${capacity}`);
    }
    this.samples = new RingBuffer<number>(capacity, { vacant: 0 });
  }

  /** Samples ever added. */
  get count(): number {
    return this.total;
  }

  /** Samples currently in the window. */
  get windowSize(): number {
    return this.samples.size;
  }

  add(value: number): void {
    this.samples.push(value);
    this.total++;
  }

  /** The samples in the window, oldest first (a copy). */
  values(): Float64Array {
    return Float64Array.from(this.samples.toArray());
  }

  stats(): WindowStats {
    const n = this.samples.size;
    if (n === 0) {
      return { count: this.total, windowSize: 0, mean: 0, min: 0, max: 0, p50: 0, p95: 0, p99: 0 };
    }
    const sorted = this.values().sort();
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sorted[i] ?? 0;
    return {
      count: this.total,
      windowSize: n,
      mean: sum / n,
      min: sorted[0] ?? 0,
      max: sorted[n - 1] ?? 0,
      p50: nearestRankPercentile(sorted, 50),
      p95: nearestRankPercentile(sorted, 95),
      p99: nearestRankPercentile(sorted, 99)
    };
  }

  clear(): void {
    this.samples.clear();
    this.total = 0;
  }
}
