import type { StateCreator } from 'zustand';
import { PerformanceSummarySchema, type PerformanceReport, type PerformanceSummary } from '../../../../shared/performance';
import type { BusStats, StreamBatch } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';
import { createCoalescer } from '../coalescer';
import { appendRatePoints, memoryPoints, type LatencyGrouping, type MemoryPoint, type RatePoint } from './performance-rows';

/** Charts redraw at most twice a second however fast summaries arrive. */
const CHART_UPDATE_INTERVAL_MS = 500;

export interface PerformanceSlice {
  performance: {
    /** events/s, one point per `performance_updated` summary (≈ 1 Hz), oldest first. */
    rate: RatePoint[];
    latest: PerformanceSummary | null;
    report: PerformanceReport | null;
    /** Memory samples of the latest report on the wall clock. */
    memory: MemoryPoint[];
    bus: BusStats | null;
    reportError: string | null;
    /** Preferences (persisted). */
    slowThresholdMs: number;
    grouping: LatencyGrouping;
    /** Fetches `performance.report` (the view polls it every 2 s while visible). */
    loadReport(): Promise<void>;
    setSlowThreshold(ms: number): void;
    setGrouping(grouping: LatencyGrouping): void;
  };
}

export const createPerformanceSlice: StateCreator<FlightdeckState, [], [], PerformanceSlice> = (set) => ({
  performance: {
    rate: [],
    latest: null,
    report: null,
    memory: [],
    bus: null,
    reportError: null,
    slowThresholdMs: 100,
    grouping: 'operation',
    loadReport: async () => {
      const result = await bridge().invoke('performance.report', {});
      const receivedAt = Date.now();
      set((s) => ({
        performance: result.ok
          ? {
              ...s.performance,
              report: result.data.report,
              bus: result.data.bus,
              memory: memoryPoints(result.data.report, receivedAt),
              rate: s.performance.rate.length > 0 ? s.performance.rate : seedRate(result.data.report, receivedAt),
              reportError: null
            }
          : { ...s.performance, reportError: result.error.message }
      }));
    },
    setSlowThreshold: (ms) => set((s) => ({ performance: { ...s.performance, slowThresholdMs: Math.max(0, ms) } })),
    setGrouping: (grouping) => set((s) => ({ performance: { ...s.performance, grouping } }))
  }
});

/** Before any summary arrived, the report's last minute of whole seconds fills the chart. */
function seedRate(report: PerformanceReport, receivedAt: number): RatePoint[] {
  return report.eventsPerSecond.series.map((sample) => ({
    at: receivedAt - (report.generatedAt - sample.at),
    eventsPerSecond: sample.count
  }));
}

interface ReceivedSummary {
  receivedAt: number;
  summary: PerformanceSummary;
}

/** Collects performance summaries from the stream and applies them at most twice a second. */
export function createPerformanceRouter(
  set: (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void
): (batch: StreamBatch) => void {
  const seenSummaries = new Set<number>();
  const summaries = createCoalescer<ReceivedSummary>(CHART_UPDATE_INTERVAL_MS, (items) => {
    set((s) => ({
      performance: {
        ...s.performance,
        rate: appendRatePoints(s.performance.rate, items, seenSummaries),
        latest: items[items.length - 1]?.summary ?? s.performance.latest
      }
    }));
  });
  return (batch) => {
    const receivedAt = Date.now();
    for (const event of batch.events) {
      if (event.eventType !== 'performance_updated') continue;
      const parsed = PerformanceSummarySchema.safeParse(event.data);
      if (parsed.success) summaries.push({ receivedAt: event.timestamp, summary: parsed.data });
    }
    if (batch.metrics) summaries.push({ receivedAt, summary: batch.metrics });
  };
}
