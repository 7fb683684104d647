import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../../shared/events';
import type { FlightdeckState } from '../index';
import { liveBuffer } from './live-buffer';

export interface SelectionSlice {
  selection: {
    eventId: string | null;
    /** The selected event itself (it may come from the host's history, not the buffer). */
    event: EngineEvent | null;
    engineId: string | null;
    /** Selects an event by id; pass the event when it may not be in the buffer. */
    selectEvent(id: string | null, event?: EngineEvent): void;
    selectEngine(id: string | null): void;
    /** Clears both selections (Esc). */
    clear(): void;
  };
}

export const createSelectionSlice: StateCreator<FlightdeckState, [], [], SelectionSlice> = (set) => ({
  selection: {
    eventId: null,
    event: null,
    engineId: null,
    selectEvent: (id, event) =>
      set((s) => ({
        selection: { ...s.selection, eventId: id, event: id === null ? null : (event ?? liveBuffer.findById(id) ?? null) }
      })),
    selectEngine: (id) => set((s) => ({ selection: { ...s.selection, engineId: id } })),
    clear: () => set((s) => ({ selection: { ...s.selection, eventId: null, event: null, engineId: null } }))
  }
});
