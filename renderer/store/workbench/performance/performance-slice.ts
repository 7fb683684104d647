import type { StateCreator } from 'zustand';
import type { PerformanceReportWithGraph } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';
import type { LatencyGrouping } from './performance-rows';

/**
 * The monitor's full report (latency windows, queue waits, the last minute of events/s, memory
 * samples, bus counters), fetched while the performance view is visible. The latest summary
 * (`performance_updated`) is the session state's.
 */
export interface PerformanceSlice {
  performance: {
    report: PerformanceReportWithGraph | null;
    /** `Date.now()` when the report arrived: places the monitor's clock on the wall clock. */
    receivedAt: number;
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
    report: null,
    receivedAt: 0,
    reportError: null,
    slowThresholdMs: 100,
    grouping: 'operation',
    loadReport: async () => {
      const result = await bridge().invoke('performance.report', {});
      const receivedAt = Date.now();
      set((s) => ({
        performance: result.ok
          ? { ...s.performance, report: result.data, receivedAt, reportError: null }
          : { ...s.performance, reportError: result.error.message }
      }));
    },
    setSlowThreshold: (ms) => set((s) => ({ performance: { ...s.performance, slowThresholdMs: Math.max(0, ms) } })),
    setGrouping: (grouping) => set((s) => ({ performance: { ...s.performance, grouping } }))
  }
});
