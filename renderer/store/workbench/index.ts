import type { StateCreator } from 'zustand';
import type { StreamBatch } from '../../../shared/protocol';
import type { FlightdeckState } from '../index';

/** Metrics, consistency, configuration and task slices (to be filled in by the workbench views. owner). */
export type WorkbenchSlices = Record<never, never>;

export const createWorkbenchSlices: StateCreator<FlightdeckState, [], [], WorkbenchSlices> = () => ({});

export function persistedWorkbench(_state: FlightdeckState): Record<string, unknown> {
  return {};
}

export function routeWorkbenchBatch(
  _batch: StreamBatch,
  _get: () => FlightdeckState,
  _set: (partial: Partial<FlightdeckState>) => void
): void {}
