import type { StateCreator } from 'zustand';
import type { EngineDetails } from '../../../shared/protocol';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';

export interface InspectorSlice {
  inspector: {
    /** The engine whose details are loaded. */
    engineId: string | null;
    details: EngineDetails | null;
    loading: boolean;
    error: string | null;
    restarting: boolean;
    /** The outcome of the last restart request, for the inspector to show. */
    restartMessage: string | null;
    loadDetails(engineId: string): Promise<void>;
    restart(engineId: string): Promise<void>;
  };
}

export const createInspectorSlice: StateCreator<FlightdeckState, [], [], InspectorSlice> = (set, get) => {
  const patch = (next: Partial<InspectorSlice['inspector']>): void => set((s) => ({ inspector: { ...s.inspector, ...next } }));
  return {
    inspector: {
      engineId: null,
      details: null,
      loading: false,
      error: null,
      restarting: false,
      restartMessage: null,
      loadDetails: async (engineId) => {
        const switching = get().inspector.engineId !== engineId;
        patch({
          engineId,
          loading: true,
          ...(switching ? { details: null, error: null, restartMessage: null } : {})
        });
        const result = await bridge().invoke('engine.details', { engineId });
        // A later selection wins over a slow answer.
        if (get().inspector.engineId !== engineId) return;
        patch(result.ok ? { details: result.data, error: null, loading: false } : { error: result.error.message, loading: false });
      },
      restart: async (engineId) => {
        patch({ restarting: true, restartMessage: null });
        const result = await bridge().invoke('engine.restart', { engineId });
        patch({
          restarting: false,
          restartMessage: result.ok
            ? result.data.restarted
              ? `${engineId} restarted`
              : `${engineId} was not restarted`
            : result.error.message
        });
        if (get().inspector.engineId === engineId) void get().inspector.loadDetails(engineId);
      }
    }
  };
};
