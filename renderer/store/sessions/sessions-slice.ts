import type { StateCreator } from 'zustand';
import type { RecordedSession, StoreHealth } from '../../../shared/protocol';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';
import { importSessionFile } from './session-files';

export interface SessionsSlice {
  sessions: {
    /** Newest first, as `sessions.list` gave them. */
    list: RecordedSession[];
    liveSessionId: number | null;
    /** How the store keeps up (null: this host records nothing). */
    store: StoreHealth | null;
    /** `Date.now()` of the last answer (0: none yet). */
    loadedAt: number;
    error: string | null;
    importing: boolean;
    /** The last import's outcome: the new session's name, or the host's message verbatim. */
    importResult: { ok: true; name: string } | { ok: false; message: string } | null;
    refresh(): Promise<void>;
    importFile(file: Blob, name: string): Promise<void>;
  };
}

export const createSessionsSlice: StateCreator<FlightdeckState, [], [], SessionsSlice> = (set, get) => {
  const patch = (next: Partial<SessionsSlice['sessions']>): void => set((s) => ({ sessions: { ...s.sessions, ...next } }));
  return {
    sessions: {
      list: [],
      liveSessionId: null,
      store: null,
      loadedAt: 0,
      error: null,
      importing: false,
      importResult: null,
      refresh: async () => {
        const result = await bridge().invoke('sessions.list', {});
        if (!result.ok) patch({ error: result.error.message });
        else patch({ list: result.data.sessions, liveSessionId: result.data.liveSessionId, store: result.data.store, loadedAt: Date.now(), error: null });
      },
      importFile: async (file, name) => {
        patch({ importing: true, importResult: null });
        const outcome = await importSessionFile(file, name);
        patch({ importing: false, importResult: outcome.ok ? { ok: true, name: outcome.session.name } : outcome });
        if (outcome.ok) await get().sessions.refresh();
      }
    }
  };
};
