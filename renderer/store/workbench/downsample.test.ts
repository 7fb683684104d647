import { describe, it, expect } from 'vitest';
import { downsampleLttb, MAX_CHART_POINTS } from './downsample';

const series = (n: number, f: (i: number) => number): { x: number; y: number }[] =>
  Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));
const lttb = (points: { x: number; y: number }[], threshold: number): readonly { x: number; y: number }[] =>
  downsampleLttb(points, threshold, (p) => p.x, (p) => p.y);

describe('downsampleLttb', () => {
  it('returns small series unchanged', () => {
    const points = series(10, (i) => i);
    expect(lttb(points, MAX_CHART_POINTS)).toBe(points);
  });

  it('caps a long series at the threshold and keeps both ends', () => {
    const points = series(10_000, (i) => Math.sin(i / 50));
    const out = lttb(points, 300);
    expect(out).toHaveLength(300);
    expect(out[0]).toBe(points[0]);
    expect(out[299]).toBe(points[9_999]);
  });

  it('keeps points in x order', () => {
    const out = lttb(series(5_000, (i) => (i * 7919) % 101), 200);
    for (let i = 1; i < out.length; i++) expect((out[i] as { x: number }).x).toBeGreaterThan((out[i - 1] as { x: number }).x);
  });

  it('keeps an isolated spike that a stride sampler would miss', () => {
    const points = series(3_001, (i) => (i === 1_337 ? 1_000 : 0));
    const out = lttb(points, 100);
    expect(out.some((p) => p.y === 1_000)).toBe(true);
  });

  it('handles degenerate thresholds', () => {
    const points = series(50, (i) => i);
    expect(lttb(points, 2)).toEqual([points[0], points[49]]);
    expect(lttb(points, 0)).toBe(points);
  });
});
