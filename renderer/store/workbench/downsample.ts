/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013, "Downsampling Time Series for
 * Visual Representation", ch. 4): keeps the first and last points and, per bucket, the point
 * forming the largest triangle with the previous kept point and the next bucket's average.
 * Charts stay readable and cheap to draw: recharts costs ~15 ms per update at ≤ 300 points.
 */

/** The most points a chart series is drawn with. */
export const MAX_CHART_POINTS = 300;

/**
 * Picks at most `threshold` items of `items` (in order), preserving the shape of `y` over `x`.
 * Returns the input itself when it is already small enough.
 *
 * @example
 * const drawn = downsampleLttb(samples, 300, (s) => s.at, (s) => s.value);
 */
export function downsampleLttb<T>(
  items: readonly T[],
  threshold: number,
  x: (item: T) => number,
  y: (item: T) => number
): readonly T[] {
  const length = items.length;
  if (threshold >= length || threshold <= 0) return items;
  if (threshold < 3) return [items[0] as T, items[length - 1] as T].slice(0, Math.max(1, threshold));
  const sampled: T[] = [items[0] as T];
  const bucketSize = (length - 2) / (threshold - 2);
  let previous = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, length);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgX += x(items[i] as T);
      avgY += y(items[i] as T);
    }
    const nextCount = Math.max(1, nextEnd - nextStart);
    avgX /= nextCount;
    avgY /= nextCount;
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const px = x(items[previous] as T);
    const py = y(items[previous] as T);
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const item = items[i] as T;
      const area = Math.abs((px - avgX) * (y(item) - py) - (px - x(item)) * (avgY - py));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    sampled.push(items[best] as T);
    previous = best;
  }
  sampled.push(items[length - 1] as T);
  return sampled;
}
