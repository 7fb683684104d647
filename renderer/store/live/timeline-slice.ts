import type { StateCreator } from 'zustand';
import type { FlightdeckState } from '../index';
import { EMPTY_FILTERS, type EventFilters } from './event-filter';
import { frameScheduler } from './frame-scheduler';
import { liveBuffer } from './live-buffer';

/** Milliseconds of filtering per frame while catching up (the rest of the frame stays free). */
const FILTER_BUDGET_MS = 6;

/** Filters saved under a name, to come back to ("engine activity without aerodynamics"). */
export interface SavedFilterSet {
  name: string;
  filters: EventFilters;
}

export interface TimelineSlice {
  timeline: {
    /** Bumped at most once per animation frame when the buffer changed: views re-read it. */
    version: number;
    /** Events passing the filters, held now. */
    visibleCount: number;
    /** Events held (after the cap). */
    heldCount: number;
    /** True while a filter change is still being applied over held events. */
    filtering: boolean;
    filters: EventFilters;
    /** When paused, events still arrive and count but the timeline does not follow them. */
    paused: boolean;
    /** Matching events that arrived since the timeline was paused. */
    newWhilePaused: number;
    /** Named filter sets the user saved (persisted), in the order saved. */
    savedFilterSets: SavedFilterSet[];
    setFilters(patch: Partial<EventFilters>): void;
    clearFilters(): void;
    /** Saves the current filters under a name (replacing a set of that name). */
    saveFilterSet(name: string): void;
    applyFilterSet(name: string): void;
    deleteFilterSet(name: string): void;
    setPaused(paused: boolean): void;
    togglePaused(): void;
  };
}

let requestFlush: () => void = () => undefined;
/** Matched-total when paused (the "N new" baseline); -1 = take it once the filter has caught up. */
let pausedAtMatched = 0;

/** Asks for a timeline refresh on the next frame (batches arrive through this). */
export function requestTimelineFlush(): void {
  requestFlush();
}

export const createTimelineSlice: StateCreator<FlightdeckState, [], [], TimelineSlice> = (set, get) => {
  const scheduler = frameScheduler(() => {
    const state = get().timeline;
    const filtersChanged = liveBuffer.filters !== state.filters;
    liveBuffer.applyFilters(state.filters);
    if (filtersChanged) pausedAtMatched = -1;
    const done = liveBuffer.catchUp(performance.now() + FILTER_BUDGET_MS);
    if (!done) scheduler.request();
    else if (pausedAtMatched < 0) pausedAtMatched = liveBuffer.matchedTotal;
    set((s) => ({
      timeline: {
        ...s.timeline,
        version: s.timeline.version + 1,
        visibleCount: liveBuffer.visibleCount,
        heldCount: liveBuffer.ring.size,
        filtering: !done,
        newWhilePaused:
          s.timeline.paused && pausedAtMatched >= 0 ? Math.max(0, liveBuffer.matchedTotal - pausedAtMatched) : 0
      }
    }));
  });
  requestFlush = scheduler.request;
  const setTimeline = (patch: Partial<TimelineSlice['timeline']>): void =>
    set((s) => ({ timeline: { ...s.timeline, ...patch } }));

  return {
    timeline: {
      version: 0,
      visibleCount: 0,
      heldCount: 0,
      filtering: false,
      filters: EMPTY_FILTERS,
      paused: false,
      newWhilePaused: 0,
      setFilters: (patch) => {
        setTimeline({ filters: { ...get().timeline.filters, ...patch } });
        scheduler.request();
      },
      clearFilters: () => {
        setTimeline({ filters: EMPTY_FILTERS });
        scheduler.request();
      },
      savedFilterSets: [],
      saveFilterSet: (name) => {
        const trimmed = name.trim();
        if (trimmed === '') return;
        const { filters, savedFilterSets } = get().timeline;
        setTimeline({ savedFilterSets: [...savedFilterSets.filter((set) => set.name !== trimmed), { name: trimmed, filters }] });
      },
      applyFilterSet: (name) => {
        const saved = get().timeline.savedFilterSets.find((set) => set.name === name);
        if (!saved) return;
        // Over the empty filters: a set saved before a filter existed leaves that filter off.
        setTimeline({ filters: { ...EMPTY_FILTERS, ...saved.filters } });
        scheduler.request();
      },
      deleteFilterSet: (name) => setTimeline({ savedFilterSets: get().timeline.savedFilterSets.filter((set) => set.name !== name) }),
      setPaused: (paused) => {
        if (paused === get().timeline.paused) return;
        // The baseline is the filter's matches so far (taken later if a new filter is catching up).
        pausedAtMatched = liveBuffer.filters === get().timeline.filters ? liveBuffer.matchedTotal : -1;
        setTimeline({ paused, newWhilePaused: 0 });
      },
      togglePaused: () => get().timeline.setPaused(!get().timeline.paused)
    }
  };
};
