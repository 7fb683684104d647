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

/** Events after which an engine may have become stale or fresh: the chains are reloaded. */
const STALENESS_EVENTS: ReadonlySet<string> = new Set(['engine_output', 'engine_status_changed', 'data_invalidated', 'engine_restarted']);
const STALENESS_REFRESH_DELAY_MS = 400;
let stalenessRefresh: ReturnType<typeof setTimeout> | undefined;

/**
 * Opens and resolves violations as their events arrive (no round trip needed), and reloads
 * the staleness chains shortly after engines computed, failed or were invalidated.
 */
export function routeViolationsBatch(
  batch: StreamBatch,
  set: (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void,
  get: () => FlightdeckState
): void {
  if (stalenessRefresh === undefined && batch.events.some((e) => STALENESS_EVENTS.has(e.eventType))) {
    stalenessRefresh = setTimeout(() => {
      stalenessRefresh = undefined;
      void get().violations.refresh();
    }, STALENESS_REFRESH_DELAY_MS);
  }
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
