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
    /**
     * Shows a held event in the timeline: selected, the timeline active and paused so the event
     * stays in view. False when this window's buffer no longer holds it.
     */
    reveal(eventId: string): boolean;
    /** The event marked to compare: the next event selected is shown side by side with it. */
    compareBase: EngineEvent | null;
    /** Marks an event to compare with the next one selected (null: no comparison). */
    markForCompare(event: EngineEvent | null): void;
    /**
     * Selects an event to compare (shift-click): the marked event, else the one selected until
     * now, becomes A and this one B.
     */
    selectToCompare(id: string, event?: EngineEvent): void;
    /** Clears both selections and the event marked for compare (Esc). */
    clear(): void;
  };
}

export const createSelectionSlice: StateCreator<FlightdeckState, [], [], SelectionSlice> = (set, get) => ({
  selection: {
    eventId: null,
    event: null,
    engineId: null,
    compareBase: null,
    markForCompare: (event) => set((s) => ({ selection: { ...s.selection, compareBase: event } })),
    selectEvent: (id, event) =>
      set((s) => ({
        selection: { ...s.selection, eventId: id, event: id === null ? null : (event ?? liveBuffer.findById(id) ?? null) }
      })),
    selectToCompare: (id, event) => {
      const { compareBase, event: selected, selectEvent } = get().selection;
      if (!compareBase && selected) set((s) => ({ selection: { ...s.selection, compareBase: selected } }));
      selectEvent(id, event);
    },
    selectEngine: (id) => {
      set((s) => ({ selection: { ...s.selection, engineId: id } }));
      if (get().graph.timelineFollowsSelection) get().timeline.setFilters({ engines: id === null ? [] : [id] });
    },
    reveal: (eventId) => {
      const event = liveBuffer.findById(eventId);
      if (!event) return false;
      const { layout, timeline } = get();
      layout.setActiveTab('timeline');
      timeline.setPaused(true);
      set((s) => ({ selection: { ...s.selection, eventId, event } }));
      return true;
    },
    clear: () => {
      set((s) => ({ selection: { ...s.selection, eventId: null, event: null, engineId: null, compareBase: null } }));
      if (get().graph.timelineFollowsSelection) get().timeline.setFilters({ engines: [] });
    }
  }
});
