import type { StateCreator } from 'zustand';
import { createHistorySlice, type HistorySlice } from '../history/history-slice';
import type { FlightdeckState } from '../index';
import { createComparisonSlice, type ComparisonSlice } from '../sessions/comparison-slice';
import { createSessionsSlice, type SessionsSlice } from '../sessions/sessions-slice';
import { createReplaySlice, type ReplaySlice } from './replay-slice';
import { createViewedSlice, type ViewedSlice } from './viewed-slice';

export { viewedState, isViewingLive, liveEventsUpTo, readOnlyReason } from './viewed-state';
export { viewedLastSeq, type OpenedSession, type ViewedEvent } from './viewed-slice';
export { REPLAY_SPEEDS, type ReplaySpeed } from './replay-player';
export type { ReplayPlan } from './replay-slice';
export type { ComparedSide, VersionPoint } from '../sessions/comparison-slice';

/**
 * The recorded-session slices: what the views show (the live state, or the state as of a viewed
 * event, of a recorded session, or of a replay), the replay, the timeline's stored history
 * pages, the session list with the store's health and the comparison of two versions or sessions.
 */
export type RecordedSlices = ViewedSlice & ReplaySlice & HistorySlice & SessionsSlice & ComparisonSlice;

export const createRecordedSlices: StateCreator<FlightdeckState, [], [], RecordedSlices> = (...args) => ({
  ...createViewedSlice(...args),
  ...createReplaySlice(...args),
  ...createHistorySlice(...args),
  ...createSessionsSlice(...args),
  ...createComparisonSlice(...args)
});
