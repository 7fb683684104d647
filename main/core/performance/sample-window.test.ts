import { describe, expect, it } from 'vitest';
import { nearestRankPercentile, SampleWindow } from './sample-window';

function filled(from: number, to: number, capacity?: number): SampleWindow {
  const window = new SampleWindow(capacity);
  for (let value = from; value <= to; value++) window.add(value);
  return window;
}

describe('nearestRankPercentile', () => {
  it('takes the value at rank ceil(p/100 * n)', () => {
    const sorted = Float64Array.from([10, 20, 30, 40, 50]);
    expect(nearestRankPercentile(sorted, 50)).toBe(30);
    expect(nearestRankPercentile(sorted, 20)).toBe(10);
    expect(nearestRankPercentile(sorted, 21)).toBe(20);
    expect(nearestRankPercentile(sorted, 0)).toBe(10);
    expect(nearestRankPercentile(sorted, 100)).toBe(50);
    expect(nearestRankPercentile([], 50)).toBe(0);
  });
});

describe('SampleWindow', () => {
  it('gives p50=50, p95=95, p99=99 and mean/min/max for 1..100', () => {
    const stats = filled(1, 100).stats();
    expect(stats).toEqual({
      count: 100,
      windowSize: 100,
      mean: 50.5,
      min: 1,
      max: 100,
      p50: 50,
      p95: 95,
      p99: 99
    });
  });

  it('sorts samples added out of order', () => {
    const window = new SampleWindow();
    for (const value of [5, 1, 4, 2, 3]) window.add(value);
    expect(window.stats()).toMatchObject({ min: 1, max: 5, p50: 3, mean: 3 });
  });

  it('keeps exactly the last 1000 of 1..2000 by default', () => {
    const window = filled(1, 2000);
    expect(window.capacity).toBe(1000);
    expect(window.count).toBe(2000);
    expect(window.windowSize).toBe(1000);
    const values = window.values();
    expect(values.length).toBe(1000);
    expect(values[0]).toBe(1001);
    expect(values[999]).toBe(2000);
    expect(window.stats()).toMatchObject({ min: 1001, max: 2000, p50: 1500, p99: 1990 });
  });

  it('keeps the window in insertion order across the wrap point', () => {
    const window = filled(1, 7, 5);
    expect([...window.values()]).toEqual([3, 4, 5, 6, 7]);
  });

  it('reports zeros when empty and refuses a bad capacity', () => {
    expect(new SampleWindow().stats()).toMatchObject({ count: 0, windowSize: 0, p99: 0 });
    expect(() => new SampleWindow(0)).toThrow(RangeError);
  });
});
