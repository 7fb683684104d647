import type { StateCreator } from 'zustand';
import type { FlightdeckState } from '../index';

export interface GraphSlice {
  graph: {
    /** Draw every dependency and rule edge, not only direct links, violations and the selected engine's. */
    allLinks: boolean;
    /**
     * Engine id → the failure event the user acknowledged in this window. A failure mark stays on
     * a node until then; a later failure marks it again.
     */
    acknowledgedFailures: Record<string, string>;
    /** The timeline shows the selected engine's events only (its engine filter follows the selection). */
    timelineFollowsSelection: boolean;
    setAllLinks(on: boolean): void;
    setTimelineFollowsSelection(on: boolean): void;
    acknowledgeFailure(engineId: string, eventId: string): void;
  };
}

export const createGraphSlice: StateCreator<FlightdeckState, [], [], GraphSlice> = (set, get) => ({
  graph: {
    allLinks: false,
    acknowledgedFailures: {},
    timelineFollowsSelection: false,
    setAllLinks: (allLinks) => set((s) => ({ graph: { ...s.graph, allLinks } })),
    setTimelineFollowsSelection: (on) => {
      set((s) => ({ graph: { ...s.graph, timelineFollowsSelection: on } }));
      const engineId = get().selection.engineId;
      get().timeline.setFilters({ engines: on && engineId !== null ? [engineId] : [] });
      if (on) get().layout.setActiveTab('timeline');
    },
    acknowledgeFailure: (engineId, eventId) =>
      set((s) => ({ graph: { ...s.graph, acknowledgedFailures: { ...s.graph.acknowledgedFailures, [engineId]: eventId } } }))
  }
});
