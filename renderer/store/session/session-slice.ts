import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../../shared/events';
import { INITIAL_SESSION_STATE, projectAll, type SessionState } from '../../../shared/projection';
import type { FlightdeckState } from '../index';

export interface SessionSlice {
  session: {
    /**
     * The host's session as the projection of its log: every fact the views show about the
     * session (configuration, engines, violations, staleness, tasks, analyses, performance).
     * Written only by folding events (`project`) or by a rebuild from `session.sync`.
     */
    state: SessionState;
    /** True from a (re)connection until the rebuild from `session.sync` is folded in. */
    syncing: boolean;
    /** Why the last rebuild failed, if it did (the stream is folded anyway). */
    syncError: string | null;
  };
}

export const createSessionSlice: StateCreator<FlightdeckState, [], [], SessionSlice> = () => ({
  session: { state: INITIAL_SESSION_STATE, syncing: false, syncError: null }
});

type Setter = (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void;

/** Folds events into the session state; nothing changes (no render) when all were seen already. */
export function foldSessionEvents(set: Setter, events: readonly EngineEvent[]): void {
  if (events.length === 0) return;
  set((s) => {
    const state = projectAll(events, s.session.state);
    // The same store object when nothing changed: zustand then notifies no one (`{}` would notify every selector).
    return state === s.session.state ? s : { session: { ...s.session, state } };
  });
}

/** Marks a rebuild as started, done (with the rebuilt state) or failed. */
export function setSessionSync(set: Setter, outcome: { syncing: true } | { state: SessionState } | { error: string }): void {
  set((s) => ({
    session:
      'syncing' in outcome
        ? { ...s.session, syncing: true }
        : 'state' in outcome
          ? { state: outcome.state, syncing: false, syncError: null }
          : { ...s.session, syncing: false, syncError: outcome.error }
  }));
}
