import { PRIORITIES } from '../../../../shared/events';
import type { DurationStats, PerformanceReport, PerformanceSummary } from '../../../../shared/performance';

/** One bar group of the latency chart. */
export interface LatencyRow {
  name: string;
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** How the latency chart groups handler timings. */
export type LatencyGrouping = 'operation' | 'eventType' | 'engine';

/** The report's statistics for a grouping. */
export function statsForGrouping(report: PerformanceReport, grouping: LatencyGrouping): Record<string, DurationStats> {
  if (grouping === 'eventType') return report.handlersByEventType;
  if (grouping === 'engine') return report.handlersByEngine;
  return report.operations;
}

/** The `limit` entries with the highest p99, highest first; empty windows are skipped. */
export function topLatencyRows(stats: Record<string, DurationStats>, limit: number): LatencyRow[] {
  return Object.entries(stats)
    .filter(([, s]) => s.windowSize > 0)
    .map(([name, s]) => ({ name, count: s.count, p50Ms: s.p50Ms, p95Ms: s.p95Ms, p99Ms: s.p99Ms }))
    .sort((a, b) => b.p99Ms - a.p99Ms || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** A row of the slow-operation table. */
export interface SlowOperationRow extends LatencyRow {
  maxMs: number;
  /** True when the slowest sample exceeds the threshold; false for the "slowest anyway" rows. */
  overThreshold: boolean;
}

/** Operations listed even when none exceeds the threshold. */
export const SLOWEST_ALWAYS_LISTED = 10;

/**
 * Operations whose slowest sample exceeds `thresholdMs` (the monitor's definition of slow),
 * then the slowest others up to `SLOWEST_ALWAYS_LISTED` rows in all, so the table is never
 * empty once something was measured. Slowest (p99) first in each part.
 */
export function slowOperationRows(operations: Record<string, DurationStats>, thresholdMs: number): SlowOperationRow[] {
  const rows = Object.entries(operations)
    .filter(([, s]) => s.windowSize > 0)
    .map(([name, s]) => ({ name, count: s.count, p50Ms: s.p50Ms, p95Ms: s.p95Ms, p99Ms: s.p99Ms, maxMs: s.maxMs, overThreshold: s.maxMs > thresholdMs }))
    .sort((a, b) => b.p99Ms - a.p99Ms || b.maxMs - a.maxMs || a.name.localeCompare(b.name));
  const over = rows.filter((r) => r.overThreshold);
  const under = rows.filter((r) => !r.overThreshold).slice(0, Math.max(0, SLOWEST_ALWAYS_LISTED - over.length));
  return [...over, ...under];
}

/** Queue wait p50/p95 per priority, LOW → CRITICAL (zeros where nothing waited). */
export function queueWaitRows(report: PerformanceReport): { priority: string; p50Ms: number; p95Ms: number; count: number }[] {
  return PRIORITIES.map((priority) => {
    const s = report.queueWaitByPriority[priority];
    return { priority, p50Ms: s?.p50Ms ?? 0, p95Ms: s?.p95Ms ?? 0, count: s?.count ?? 0 };
  });
}

/** One point of the events/s series (epoch milliseconds). */
export interface RatePoint {
  at: number;
  eventsPerSecond: number;
}

/** Points kept for the events/s chart: an hour at 1 Hz. */
export const MAX_RATE_POINTS = 3600;

/**
 * Appends new summaries to the events/s series, skipping ones already present (the same
 * summary arrives both as a `performance_updated` event and in `batch.metrics`), and keeps
 * the newest `MAX_RATE_POINTS`.
 */
export function appendRatePoints(
  series: readonly RatePoint[],
  summaries: readonly { receivedAt: number; summary: PerformanceSummary }[],
  seen: Set<number>
): RatePoint[] {
  const added: RatePoint[] = [];
  for (const { receivedAt, summary } of summaries) {
    if (seen.has(summary.generatedAt)) continue;
    seen.add(summary.generatedAt);
    added.push({ at: receivedAt, eventsPerSecond: summary.eventsPerSecond });
  }
  if (added.length === 0) return series as RatePoint[];
  if (seen.size > MAX_RATE_POINTS * 2) {
    const keep = [...seen].slice(-MAX_RATE_POINTS);
    seen.clear();
    for (const k of keep) seen.add(k);
  }
  const merged = [...series, ...added].sort((a, b) => a.at - b.at);
  return merged.length > MAX_RATE_POINTS ? merged.slice(merged.length - MAX_RATE_POINTS) : merged;
}

/** One memory sample in epoch milliseconds and MB. */
export interface MemoryPoint {
  at: number;
  heapUsedMB: number;
  rssMB: number;
}

/**
 * The report's memory samples on the wall clock: the monitor stamps them with its own
 * clock, so each is placed `generatedAt - at` before the moment the report arrived.
 */
export function memoryPoints(report: PerformanceReport, receivedAt: number): MemoryPoint[] {
  const toMB = (bytes: number): number => Math.round((bytes / 1_048_576) * 10) / 10;
  return report.memory.map((m) => ({ at: receivedAt - (report.generatedAt - m.at), heapUsedMB: toMB(m.heapUsedBytes), rssMB: toMB(m.rssBytes) }));
}
