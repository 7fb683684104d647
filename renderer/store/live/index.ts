import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../../shared/events';
import type { FlightdeckState } from '../index';
import { createCausalChainSlice, type CausalChainSlice } from './causal-chain-slice';
import { createExportSlice, type ExportSlice } from './export-slice';
import { createGraphSlice, type GraphSlice } from './graph-slice';
import { createInspectorSlice, type InspectorSlice } from './inspector-slice';
import { createLayoutSlice, type LayoutSlice } from './layout-slice';
import { liveBuffer } from './live-buffer';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createTimelineSlice, requestTimelineFlush, type TimelineSlice } from './timeline-slice';

export { liveBuffer, RING_CAPACITY } from './live-buffer';
export { noteNewestRendered } from './debug-hooks';
export type { EventFilters } from './event-filter';
export { EMPTY_FILTERS, isEmptyFilter } from './event-filter';
export { TAB_IDS, type TabId, type Theme, type PanelLayout } from './layout-slice';

/**
 * The live slices: the timeline (a version counter over the event buffer kept outside React
 * state, filters, pause), the selection, the layout preferences, the session export, the
 * inspector's latency figures, the graph's options and the selected event's causal chain.
 */
export type LiveSlices = TimelineSlice & SelectionSlice & LayoutSlice & GraphSlice & ExportSlice & InspectorSlice & CausalChainSlice;

export const createLiveSlices: StateCreator<FlightdeckState, [], [], LiveSlices> = (...args) => ({
  ...createTimelineSlice(...args),
  ...createSelectionSlice(...args),
  ...createLayoutSlice(...args),
  ...createGraphSlice(...args),
  ...createExportSlice(...args),
  ...createInspectorSlice(...args),
  ...createCausalChainSlice(...args)
});

/** The live preferences that survive a restart: layout, active tab, theme, UI scale, graph options, timeline filters and saved sets. */
export function persistedLive(state: FlightdeckState): Record<string, unknown> {
  const { theme, activeTab, panels, animateFlow, swimlanes, uiScale } = state.layout;
  return {
    layout: { theme, activeTab, panels, animateFlow, swimlanes, uiScale },
    graph: { allLinks: state.graph.allLinks, timelineFollowsSelection: state.graph.timelineFollowsSelection },
    timeline: { filters: state.timeline.filters, savedFilterSets: state.timeline.savedFilterSets }
  };
}

/**
 * Puts log events into the buffer (the timeline refreshes on the next frame); `startOver`
 * first forgets every event held (the host's log started over).
 */
export function appendLiveEvents(events: readonly EngineEvent[], startOver = false): void {
  if (startOver) liveBuffer.clear();
  if (liveBuffer.append(events) > 0 || startOver) requestTimelineFlush();
}
