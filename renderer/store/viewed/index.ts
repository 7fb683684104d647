import type { StateCreator } from 'zustand';
import { createHistorySlice, type HistorySlice } from '../history/history-slice';
import type { FlightdeckState } from '../index';
import { createSessionsSlice, type SessionsSlice } from '../sessions/sessions-slice';
import { createReplaySlice, type ReplaySlice } from './replay-slice';
import { createViewedSlice, type ViewedSlice } from './viewed-slice';

export { viewedState, isViewingLive, liveEventsUpTo, readOnlyReason } from './viewed-state';
export { viewedLastSeq, type OpenedSession, type ViewedEvent } from './viewed-slice';
export { REPLAY_SPEEDS, type ReplaySpeed } from './replay-player';
export type { ReplayPlan } from './replay-slice';

/**
 * The recorded-session slices: what the views show (the live state, or the state as of a viewed
 * event, of a recorded session, or of a replay), the replay, the timeline's stored history
 * pages and the session list with the store's health.
 */
export type RecordedSlices = ViewedSlice & ReplaySlice & HistorySlice & SessionsSlice;

export const createRecordedSlices: StateCreator<FlightdeckState, [], [], RecordedSlices> = (...args) => ({
  ...createViewedSlice(...args),
  ...createReplaySlice(...args),
  ...createHistorySlice(...args),
  ...createSessionsSlice(...args)
});
