import { z } from 'zod';

/**
 * The performance monitor's report: what the performance view draws. Every time (`at`,
 * `generatedAt`) is in the monitor's clock, `performance.now()` milliseconds by default
 * (add `performance.timeOrigin` for epoch milliseconds). Durations are milliseconds.
 */

/**
 * Statistics over one window of samples. `count` is every sample ever recorded, `windowSize`
 * the samples the other figures are computed over (the newest ones, up to the window's
 * capacity). Percentiles use the nearest-rank definition. An empty window reports zeros.
 */
export const DurationStatsSchema = z.strictObject({
  count: z.number().int().nonnegative(),
  windowSize: z.number().int().nonnegative(),
  meanMs: z.number(),
  minMs: z.number(),
  maxMs: z.number(),
  p50Ms: z.number(),
  p95Ms: z.number(),
  p99Ms: z.number()
});
export type DurationStats = z.infer<typeof DurationStatsSchema>;

/** Events logged in one whole second starting at `at`. */
export const RateSampleSchema = z.strictObject({
  at: z.number(),
  count: z.number().int().nonnegative()
});
export type RateSample = z.infer<typeof RateSampleSchema>;

export const EventsPerSecondSchema = z.strictObject({
  /** Events logged in the last whole second. */
  current: z.number().nonnegative(),
  /** Events ever logged. */
  total: z.number().int().nonnegative(),
  /** The last whole seconds (up to 60), oldest first. */
  series: z.array(RateSampleSchema)
});
export type EventsPerSecond = z.infer<typeof EventsPerSecondSchema>;

export const MemorySampleSchema = z.strictObject({
  at: z.number(),
  heapUsedBytes: z.number().nonnegative(),
  rssBytes: z.number().nonnegative()
});
export type MemorySample = z.infer<typeof MemorySampleSchema>;

/** An operation whose slowest sample in its window exceeds the threshold. */
export const SlowOperationSchema = z.strictObject({
  name: z.string(),
  count: z.number().int().nonnegative(),
  maxMs: z.number(),
  p99Ms: z.number(),
  meanMs: z.number()
});
export type SlowOperation = z.infer<typeof SlowOperationSchema>;

const StatsByNameSchema = z.record(z.string(), DurationStatsSchema);

export const PerformanceReportSchema = z.strictObject({
  generatedAt: z.number(),
  /** `recordOperation` / `measure` timings by operation name. */
  operations: StatsByNameSchema,
  /** Bus handler latencies over all handlers. */
  handlers: DurationStatsSchema,
  handlersByEventType: StatsByNameSchema,
  handlersByEngine: StatsByNameSchema,
  /** Time events waited in the bus queue, by priority (every priority is present). */
  queueWaitByPriority: StatsByNameSchema,
  eventsPerSecond: EventsPerSecondSchema,
  /** Oldest first. */
  memory: z.array(MemorySampleSchema),
  /** Memory samples that left the bounded series. */
  memorySamplesDropped: z.number().int().nonnegative(),
  slowOperationThresholdMs: z.number(),
  /** Slowest first. */
  slowOperations: z.array(SlowOperationSchema)
});
export type PerformanceReport = z.infer<typeof PerformanceReportSchema>;

/** The compact `data` of a `performance_updated` event. */
export const PerformanceSummarySchema = z.strictObject({
  generatedAt: z.number(),
  /** Events the session logged in the last whole second. */
  eventsPerSecond: z.number().nonnegative(),
  /** Events the bus delivered to subscribers' handlers, ever. */
  deliveredTotal: z.number().int().nonnegative(),
  handlerP95Ms: z.number(),
  handlerP99Ms: z.number(),
  /** Null until the first memory sample. */
  heapUsedBytes: z.number().nullable(),
  rssBytes: z.number().nullable(),
  /** Names of the slowest operations over the threshold, slowest first (at most 5). */
  slowOperations: z.array(z.string())
});
export type PerformanceSummary = z.infer<typeof PerformanceSummarySchema>;
