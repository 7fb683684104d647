import type { StateCreator } from 'zustand';
import type { StaleEngine, Violation, ViolationReport } from '../../../shared/consistency';
import type { StreamBatch } from '../../../shared/protocol';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';

/** Resolved violations kept in the renderer (the host keeps its own bounded list). */
const MAX_RESOLVED = 500;

export interface ViolationsSlice {
  violations: {
    /** Open violations by id, kept current from violation events. */
    open: Record<string, Violation>;
    /** Newest first. */
    resolved: Violation[];
    counts: ViolationReport['counts'] | null;
    stale: StaleEngine[];
    error: string | null;
    /** Reloads the full report and the staleness chains from the host. */
    refresh(): Promise<void>;
  };
}

export const createViolationsSlice: StateCreator<FlightdeckState, [], [], ViolationsSlice> = (set) => ({
  violations: {
    open: {},
    resolved: [],
    counts: null,
    stale: [],
    error: null,
    refresh: async () => {
      const result = await bridge().invoke('violations.report', {});
      if (!result.ok) {
        set((s) => ({ violations: { ...s.violations, error: result.error.message } }));
        return;
      }
      const { report, stale } = result.data;
      set((s) => ({
        violations: {
          ...s.violations,
          open: Object.fromEntries(report.open.map((v) => [v.violationId, v])),
          resolved: report.resolved.slice(0, MAX_RESOLVED),
          counts: report.counts,
          stale,
          error: null
        }
      }));
    }
  }
});

/** Opens and resolves violations as their events arrive (no round trip needed). */
export function routeViolationsBatch(batch: StreamBatch, set: (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void): void {
  const changes = batch.events.filter((e) => e.eventType === 'violation_opened' || e.eventType === 'violation_resolved');
  if (changes.length === 0) return;
  set((s) => {
    const open = { ...s.violations.open };
    const resolved = [...s.violations.resolved];
    for (const event of changes) {
      const violation = event.data as unknown as Violation;
      if (event.eventType === 'violation_opened') {
        open[violation.violationId] = violation;
      } else {
        delete open[violation.violationId];
        resolved.unshift(violation);
      }
    }
    return { violations: { ...s.violations, open, resolved: resolved.slice(0, MAX_RESOLVED) } };
  });
}
