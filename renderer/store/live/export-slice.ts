import type { StateCreator } from 'zustand';
import type { CommandResponse, CommandResult } from '../../../shared/protocol';
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
        const summary = await bridge().invoke('session.export', {});
        if (!summary.ok) {
          patch({ exporting: false, error: summary.error.message });
          return null;
        }
        // The history comes a page at a time, so no answer is ever larger than one page.
        const events: unknown[] = [];
        let afterSeq: number | null = summary.data.history.firstSeq - 1;
        while (afterSeq !== null) {
          const page: CommandResult<CommandResponse<'history.query'>> = await bridge().invoke('history.query', { afterSeq });
          if (!page.ok) {
            patch({ exporting: false, error: page.error.message });
            return null;
          }
          events.push(...page.data.events);
          afterSeq = page.data.nextAfterSeq;
        }
        patch({ exporting: false, error: null });
        return JSON.stringify({ ...summary.data, history: events }, null, 2);
      }
    }
  };
};
