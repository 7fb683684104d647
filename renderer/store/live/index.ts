import type { StateCreator } from 'zustand';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { StreamBatch } from '../../../shared/protocol';
import type { FlightdeckState } from '../index';
import { createAircraftSlice, type AircraftSlice } from './aircraft-slice';
import { createCausalChainSlice, type CausalChainSlice } from './causal-chain-slice';
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
 * state, filters, pause), the selection, the layout preferences, the current aircraft, the
 * inspector's engine details and the selected event's causal chain.
 */
export type LiveSlices = TimelineSlice & SelectionSlice & LayoutSlice & AircraftSlice & InspectorSlice & CausalChainSlice;

export const createLiveSlices: StateCreator<FlightdeckState, [], [], LiveSlices> = (...args) => ({
  ...createTimelineSlice(...args),
  ...createSelectionSlice(...args),
  ...createLayoutSlice(...args),
  ...createAircraftSlice(...args),
  ...createInspectorSlice(...args),
  ...createCausalChainSlice(...args)
});

/** The live preferences that survive a restart: layout, active tab, theme and timeline filters. */
export function persistedLive(state: FlightdeckState): Record<string, unknown> {
  const { theme, activeTab, panels, animateFlow, swimlanes } = state.layout;
  return { layout: { theme, activeTab, panels, animateFlow, swimlanes }, timeline: { filters: state.timeline.filters } };
}

/** Puts a batch's events into the buffer (the timeline refreshes on the next frame). */
export function routeLiveBatch(
  batch: StreamBatch,
  get: () => FlightdeckState,
  _set: (partial: Partial<FlightdeckState>) => void
): void {
  if (batch.events.length === 0) return;
  liveBuffer.append(batch.events);
  for (let i = batch.events.length - 1; i >= 0; i--) {
    const event = batch.events[i];
    if (event?.eventType !== 'configuration_changed') continue;
    const { version, configuration } = event.data;
    if (typeof version === 'number' && typeof configuration === 'object' && configuration !== null) {
      get().aircraft.noteConfiguration(version, configuration as AircraftConfiguration);
    }
    break;
  }
  requestTimelineFlush();
}
