import type { StateCreator } from 'zustand';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';

export interface ExportSlice {
  sessionExport: {
    exporting: boolean;
    error: string | null;
    /** Asks the host for the session export; resolves to its JSON text, or null on failure. */
    run(): Promise<string | null>;
  };
}

export const createExportSlice: StateCreator<FlightdeckState, [], [], ExportSlice> = (set) => {
  const patch = (next: Partial<ExportSlice['sessionExport']>): void => set((s) => ({ sessionExport: { ...s.sessionExport, ...next } }));
  return {
    sessionExport: {
      exporting: false,
      error: null,
      run: async () => {
        patch({ exporting: true, error: null });
        const result = await bridge().invoke('session.export', {});
        patch({ exporting: false, error: result.ok ? null : result.error.message });
        return result.ok ? JSON.stringify(result.data, null, 2) : null;
      }
    }
  };
};
