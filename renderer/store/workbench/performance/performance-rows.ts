import { PRIORITIES } from '../../../../shared/events';
import type { DurationStats, PerformanceReport } from '../../../../shared/performance';

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

/**
 * The report's last whole seconds of deliveries on the wall clock: the monitor stamps them with
 * its own clock, so each is placed `generatedAt - at` before the moment the report arrived.
 */
export function ratePoints(report: PerformanceReport, receivedAt: number): RatePoint[] {
  return report.eventsPerSecond.series.map((sample) => ({ at: receivedAt - (report.generatedAt - sample.at), eventsPerSecond: sample.count }));
}

/** One memory sample in epoch milliseconds and MB. */
export interface MemoryPoint {
  at: number;
  heapUsedMB: number;
  rssMB: number;
}

/** The report's memory samples on the wall clock (placed like `ratePoints`), in MB. */
export function memoryPoints(report: PerformanceReport, receivedAt: number): MemoryPoint[] {
  return report.memory.map((m) => ({ at: receivedAt - (report.generatedAt - m.at), heapUsedMB: bytesToMB(m.heapUsedBytes), rssMB: bytesToMB(m.rssBytes) }));
}

/** The time windows the charts offer; null = every sample the host still holds. */
export const CHART_RANGES = [
  { label: 'last minute', ms: 60_000 },
  { label: 'last 5 minutes', ms: 300_000 },
  { label: 'all held', ms: null }
] as const;

/** The points within `rangeMs` of the newest one (all of them for null). */
export function withinRange<T extends { at: number }>(points: readonly T[], rangeMs: number | null): T[] {
  const newest = points.at(-1)?.at;
  if (rangeMs === null || newest === undefined) return [...points];
  return points.filter((p) => p.at >= newest - rangeMs);
}

/** Bytes as mebibytes with one decimal. */
export function bytesToMB(bytes: number): number {
  return Math.round((bytes / 1_048_576) * 10) / 10;
}
