import { describe, it, expect } from 'vitest';
import type { DurationStats, PerformanceReport } from '../../../../shared/performance';
import { memoryPoints, ratePoints, queueWaitRows, slowOperationRows, topLatencyRows, withinRange } from './performance-rows';

const stats = (p99Ms: number, maxMs = p99Ms, windowSize = 5): DurationStats => ({
  count: windowSize,
  windowSize,
  meanMs: p99Ms / 2,
  minMs: 0,
  maxMs,
  p50Ms: p99Ms / 4,
  p95Ms: p99Ms / 2,
  p99Ms
});

describe('topLatencyRows', () => {
  it('keeps the highest p99 first and skips empty windows', () => {
    const rows = topLatencyRows({ a: stats(1), b: stats(9), c: stats(5), d: stats(99, 99, 0) }, 2);
    expect(rows.map((r) => r.name)).toEqual(['b', 'c']);
    expect(rows[0]).toMatchObject({ p50Ms: 2.25, p95Ms: 4.5, p99Ms: 9 });
  });
});

describe('slowOperationRows', () => {
  it('lists operations over the threshold, then the slowest others up to ten rows', () => {
    const operations: Record<string, DurationStats> = {};
    for (let i = 0; i < 14; i++) operations[`op${i}`] = stats(i + 1);
    operations.slow = stats(50, 250);
    const rows = slowOperationRows(operations, 100);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ name: 'slow', overThreshold: true, maxMs: 250 });
    expect(rows.slice(1).every((r) => !r.overThreshold)).toBe(true);
    expect(rows[1]?.name).toBe('op13');
  });

  it('is empty only when nothing was measured', () => {
    expect(slowOperationRows({}, 100)).toEqual([]);
    expect(slowOperationRows({ a: stats(1) }, 100)).toHaveLength(1);
  });
});

describe('report views', () => {
  const report = {
    generatedAt: 10_000,
    queueWaitByPriority: { HIGH: stats(4) },
    memory: [{ at: 9_000, heapUsedBytes: 52_428_800, rssBytes: 104_857_600 }],
    eventsPerSecond: { current: 7, total: 12, series: [{ at: 8_000, count: 5 }, { at: 9_000, count: 7 }] }
  } as unknown as PerformanceReport;

  it('orders queue waits by priority with zeros for the missing ones', () => {
    expect(queueWaitRows(report).map((r) => [r.priority, r.p95Ms])).toEqual([['LOW', 0], ['NORMAL', 0], ['HIGH', 2], ['CRITICAL', 0]]);
  });

  it('places the last seconds of deliveries on the wall clock', () => {
    expect(ratePoints(report, 1_700_000_000_000)).toEqual([
      { at: 1_699_999_998_000, eventsPerSecond: 5 },
      { at: 1_699_999_999_000, eventsPerSecond: 7 }
    ]);
  });

  it('places memory samples on the wall clock in MB', () => {
    expect(memoryPoints(report, 1_700_000_000_000)).toEqual([{ at: 1_699_999_999_000, heapUsedMB: 50, rssMB: 100 }]);
  });
});

describe('withinRange', () => {
  const points = [0, 30_000, 50_000, 90_000, 120_000].map((at) => ({ at }));
  it('keeps the points within the range of the newest, or all of them', () => {
    expect(withinRange(points, 60_000).map((p) => p.at)).toEqual([90_000, 120_000]);
    expect(withinRange(points, 300_000)).toHaveLength(5);
    expect(withinRange(points, null)).toHaveLength(5);
    expect(withinRange([], 60_000)).toEqual([]);
  });
});
