import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../../shared/events';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';
import { liveBuffer } from '../live/live-buffer';
import { HistoryPager, type HistoryPageReader } from './history-pager';

const readPage: HistoryPageReader = async ({ sessionId, ...query }) => {
  const result = await bridge().invoke('history.page', sessionId === undefined ? query : { ...query, sessionId });
  return result.ok ? { ok: true, events: result.data.events, more: result.data.more } : { ok: false, message: result.error.message };
};

/** The timeline's stored history, kept outside React state (like the live buffer). */
export const historyPager = new HistoryPager(readPage);

export interface HistorySlice {
  history: {
    /** Bumped when the pager's events or flags changed: the timeline re-reads it. */
    version: number;
    /** Events the pager holds (in front of the live window). */
    olderCount: number;
    loading: boolean;
    more: boolean;
    error: string | null;
    /**
     * Makes the pager page what the timeline shows: the opened session, or the live one before
     * its in-memory window, with the current filters. Starts over only when that changed.
     */
    syncScope(): void;
    /** Reads the next older page; resolves to how many rows were added in front. */
    loadOlder(): Promise<number>;
    /** Reads back until the event `seq` is held (time travel to an event older than the pages). */
    fillTo(seq: number): Promise<void>;
  };
}

/** The oldest seq the live window holds (where the stored pages end). */
function liveWindowStart(): number {
  return liveBuffer.ring.get(liveBuffer.ring.firstIndex)?.seq ?? liveBuffer.lastSeq + 1;
}

export const createHistorySlice: StateCreator<FlightdeckState, [], [], HistorySlice> = (set, get) => {
  const publish = (): void =>
    set((s) => ({
      history: {
        ...s.history,
        version: s.history.version + 1,
        olderCount: historyPager.events.length,
        loading: historyPager.loading,
        more: historyPager.more,
        error: historyPager.error
      }
    }));
  const after = async <T>(work: Promise<T>): Promise<T> => {
    publish();
    const value = await work;
    publish();
    return value;
  };

  return {
    history: {
      version: 0,
      olderCount: 0,
      loading: false,
      more: false,
      error: null,
      syncScope: () => {
        const { viewed, timeline } = get();
        const sessionId = viewed.opened?.sessionId;
        const scope = historyPager.scope;
        if (scope && scope.sessionId === sessionId && scope.filters === timeline.filters) return;
        const opened = viewed.opened;
        historyPager.reset({ sessionId, filters: timeline.filters, beforeSeq: opened ? () => opened.lastSeq + 1 : liveWindowStart });
        publish();
      },
      loadOlder: () => after(historyPager.loadOlder()),
      fillTo: (seq) => after(historyPager.fillTo(seq))
    }
  };
};

/** Forgets the stored pages (the live log started over): the next `syncScope` starts again. */
export function resetHistoryPages(): void {
  historyPager.forget();
}

/** Rows of the timeline: the stored pages, then (for the live session) the live window. */
export function timelineRowCount(s: FlightdeckState): number {
  return historyPager.events.length + (s.viewed.opened ? 0 : s.timeline.visibleCount);
}

export function timelineRowAt(s: FlightdeckState, index: number): EngineEvent | undefined {
  const older = historyPager.events.length;
  if (index < older) return historyPager.events[index];
  return s.viewed.opened ? undefined : liveBuffer.visibleAt(index - older);
}

/** The row of an event (by seq and id), or -1 when it is not loaded or the filters hide it. */
export function timelineRowOf(s: FlightdeckState, seq: number, eventId: string): number {
  const older = historyPager.indexOfSeq(seq);
  if (older >= 0) return older;
  if (s.viewed.opened) return -1;
  const live = liveBuffer.visibleIndexOf(eventId);
  return live < 0 ? -1 : historyPager.events.length + live;
}
