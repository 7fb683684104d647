import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../../shared/events';
import type { SessionState } from '../../../shared/projection';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';
import { liveBuffer } from '../live/live-buffer';

/** A recorded session opened read-only instead of the live one. */
export interface OpenedSession {
  sessionId: number;
  name: string;
  lastSeq: number;
}

/** The event the views show the state as of. */
export interface ViewedEvent {
  seq: number;
  /** Null when the store has no event at that seq (the state before the first event). */
  event: EngineEvent | null;
}

export interface ViewedSlice {
  viewed: {
    /** The recorded session the views show; null: the live one. */
    opened: OpenedSession | null;
    /** The event the views are as of; null: live, following the newest event. */
    at: ViewedEvent | null;
    /**
     * The session state every view reads instead of the live one while `at` is set (from
     * `session.stateAt`, or folded by a replay). Null while live: views read `session.state`.
     */
    state: SessionState | null;
    /** A `session.stateAt` request is on its way. */
    pending: boolean;
    error: string | null;
    /** Shows the state as of `seq` of the session viewed (coalesced: a drag asks only for the latest). */
    travelTo(seq: number): void;
    /** One event back (-1) or forward (+1) from the one viewed (from the newest when live). */
    step(delta: -1 | 1): void;
    /** Back to the live session, following its newest event. */
    goLive(): void;
    /** Views a recorded session read-only, as of its last event. */
    open(session: OpenedSession): void;
    /** A state reached by folding events (a replay), shown as of `event`. */
    show(state: SessionState, at: ViewedEvent): void;
  };
}

/** The seq range the scrubber spans: the opened session's, else the live log's. */
export function viewedLastSeq(s: FlightdeckState): number {
  return s.viewed.opened?.lastSeq ?? liveBuffer.lastSeq;
}

export const createViewedSlice: StateCreator<FlightdeckState, [], [], ViewedSlice> = (set, get) => {
  const patch = (next: Partial<ViewedSlice['viewed']>): void => set((s) => ({ viewed: { ...s.viewed, ...next } }));
  // Bumped by every change of what is viewed, so an answer to an older request is dropped.
  let generation = 0;
  let inFlight = false;
  let queued: number | null = null;

  const pump = async (): Promise<void> => {
    inFlight = true;
    while (queued !== null) {
      const seq = queued;
      queued = null;
      const asked = generation;
      const sessionId = get().viewed.opened?.sessionId;
      const result = await bridge().invoke('session.stateAt', sessionId === undefined ? { seq } : { sessionId, seq });
      if (asked !== generation) continue;
      if (!result.ok) patch({ error: `session.stateAt failed: ${result.error.message}` });
      else patch({ state: result.data.state, at: { seq: result.data.seq, event: result.data.event }, error: null });
    }
    inFlight = false;
    patch({ pending: false });
  };

  const request = (seq: number): void => {
    const last = viewedLastSeq(get());
    queued = Math.max(1, Math.min(last, Math.round(seq)));
    patch({ pending: true });
    if (!inFlight) void pump();
  };

  return {
    viewed: {
      opened: null,
      at: null,
      state: null,
      pending: false,
      error: null,
      travelTo: (seq) => {
        get().replay.stop();
        request(seq);
      },
      step: (delta) => {
        const s = get();
        const from = queued ?? s.viewed.at?.seq ?? viewedLastSeq(s) + (delta < 0 ? 0 : -1);
        s.viewed.travelTo(from + delta);
      },
      goLive: () => {
        get().replay.stop();
        generation++;
        queued = null;
        patch({ opened: null, at: null, state: null, pending: false, error: null });
      },
      open: (session) => {
        get().replay.stop();
        generation++;
        queued = null;
        patch({ opened: session, at: null, state: null, error: null });
        request(session.lastSeq);
      },
      show: (state, at) => {
        generation++;
        queued = null;
        patch({ state, at, pending: false, error: null });
      }
    }
  };
};
