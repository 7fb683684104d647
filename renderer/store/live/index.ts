import type { StateCreator } from 'zustand';
import type { StreamBatch } from '../../../shared/protocol';
import type { FlightdeckState } from '../index';

/** Events, selection and layout slices (filled in by the live views). */
export type LiveSlices = Record<never, never>;

export const createLiveSlices: StateCreator<FlightdeckState, [], [], LiveSlices> = () => ({});

export function persistedLive(_state: FlightdeckState): Record<string, unknown> {
  return {};
}

export function routeLiveBatch(
  _batch: StreamBatch,
  _get: () => FlightdeckState,
  _set: (partial: Partial<FlightdeckState>) => void
): void {}
