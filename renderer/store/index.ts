import { create } from 'zustand';
import { createJSONStorage, persist, subscribeWithSelector } from 'zustand/middleware';
import { skippingUnchangedWrites } from './preferences-storage';
import { toDisposable, type Disposable } from '../../shared/disposable';
import type { SessionState } from '../../shared/projection';
import type { Bridge } from '../bridge/bridge';
import { setBridge } from './bridge-access';
import { createConnectionSlice, type ConnectionSlice } from './connection/connection-slice';
import { createDemoSlice, type DemoSlice } from './demo/demo-slice';
import { appendLiveEvents, createLiveSlices, liveBuffer, persistedLive, type LiveSlices } from './live';
import { SessionFeed } from './session/session-feed';
import { createSessionSlice, foldSessionEvents, setSessionSync, type SessionSlice } from './session/session-slice';
import { resetHistoryPages } from './history/history-slice';
import { createRecordedSlices, viewedState, type RecordedSlices } from './viewed';
import { createWorkbenchSlices, persistedWorkbench, type WorkbenchSlices } from './workbench';

/**
 * The renderer's one store, made of slices: the connection, the session (the projection of the
 * host's log: every fact about the session), the live slices (timeline, selection, layout —
 * `live/`), the workbench slices (drafts, commands in flight, preferences — `workbench/`),
 * the recorded-session slices (the viewed state, replay, stored history, sessions — `viewed/`)
 * and the demo player (`demo/`).
 * Views read it through selectors; no slice keeps a copy of a fact the session state holds.
 */
export type FlightdeckState = ConnectionSlice & SessionSlice & LiveSlices & WorkbenchSlices & RecordedSlices & DemoSlice;

export const useFlightdeck = create<FlightdeckState>()(
  subscribeWithSelector(
    persist(
      (...args) => ({
        ...createConnectionSlice(...args),
        ...createSessionSlice(...args),
        ...createLiveSlices(...args),
        ...createWorkbenchSlices(...args),
        ...createRecordedSlices(...args),
        ...createDemoSlice(...args)
      }),
      {
        name: 'flightdeck.preferences',
        version: 1,
        storage: createJSONStorage(() => skippingUnchangedWrites(localStorage)),
        // Only preferences persist (layout, theme, filters); session data never does.
        partialize: (state) => ({ ...persistedLive(state), ...persistedWorkbench(state) }),
        merge: (persisted, current) => deepMerge(current, persisted)
      }
    )
  )
);

/**
 * Reads the viewed session state through a selector (one of `session/selectors`, a shared
 * projection selector, or several wrapped in `useShallow`): the live state, or the state as of
 * the event the user travelled to, opened or replays.
 *
 * @example
 * const stale = useSession(selectStaleEngines);
 * const status = useSession((state) => engineStatus(state, 'propulsion'));
 */
export function useSession<T>(selector: (state: SessionState) => T): T {
  return useFlightdeck((s) => selector(viewedState(s)));
}

/** Merges persisted preferences into the slices without replacing their actions. */
function deepMerge<T>(current: T, persisted: unknown): T {
  if (typeof persisted !== 'object' || persisted === null) return current;
  const out: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(persisted)) {
    const base = out[key];
    out[key] =
      typeof base === 'object' && base !== null && !Array.isArray(base) && typeof value === 'object' && value !== null && !Array.isArray(value)
        ? deepMerge(base, value)
        : value;
  }
  return out as T;
}

/**
 * Wires the store to a bridge: each (re)connection rebuilds the session from `session.sync`
 * and fills the timeline from history while the stream is held; then every batch is folded into
 * the session state and appended to the timeline.
 */
export function connectStore(next: Bridge): Disposable {
  setBridge(next);
  const set = useFlightdeck.setState;
  const feed = new SessionFeed(next, {
    rebuilt: (state) => setSessionSync(set, { state }),
    failed: (error) => setSessionSync(set, { error }),
    timelineLastSeq: () => liveBuffer.lastSeq,
    history: (events, restarted) => {
      if (restarted) {
        resetHistoryPages();
        useFlightdeck.getState().history.syncScope();
      }
      appendLiveEvents(events, restarted);
    },
    batch: (batch) => {
      useFlightdeck.getState().connection.noteBatch(batch);
      foldSessionEvents(set, batch.events);
      appendLiveEvents(batch.events);
    }
  });
  const stream = next.onStream((batch) => feed.accept(batch));
  const connection = next.onConnection((info) => {
    useFlightdeck.getState().connection.setInfo(info);
    if (info.state !== 'open') return;
    setSessionSync(set, { syncing: true });
    void feed.rebuild();
  });
  return toDisposable(() => {
    stream.dispose();
    connection.dispose();
    setBridge(undefined);
  });
}
