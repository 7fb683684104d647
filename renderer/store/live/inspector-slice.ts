import type { StateCreator } from 'zustand';
import type { DurationStats } from '../../../shared/performance';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';

export interface InspectorSlice {
  inspector: {
    /** The engine whose latency is loaded. */
    engineId: string | null;
    /**
     * Handler and compute latency of that engine (from `engine.details`: the monitor's figures,
     * not a fact of the session state). Outputs, status and staleness come from the state.
     */
    latency: DurationStats | null;
    error: string | null;
    /** A restart or recompute request in flight. */
    acting: boolean;
    /** The outcome of the last restart or recompute request, for the inspector to show. */
    actionMessage: string | null;
    loadLatency(engineId: string): Promise<void>;
    restart(engineId: string): Promise<void>;
    recompute(engineId: string): Promise<void>;
  };
}

export const createInspectorSlice: StateCreator<FlightdeckState, [], [], InspectorSlice> = (set, get) => {
  const patch = (next: Partial<InspectorSlice['inspector']>): void => set((s) => ({ inspector: { ...s.inspector, ...next } }));
  const act = async (engineId: string, call: () => Promise<{ ok: true; data: boolean } | { ok: false; error: { message: string } }>, done: string): Promise<void> => {
    patch({ acting: true, actionMessage: null });
    const result = await call();
    patch({
      acting: false,
      actionMessage: result.ok ? (result.data ? `${engineId} ${done}` : `${engineId} was not ${done}`) : result.error.message
    });
    if (get().inspector.engineId === engineId) void get().inspector.loadLatency(engineId);
  };
  return {
    inspector: {
      engineId: null,
      latency: null,
      error: null,
      acting: false,
      actionMessage: null,
      loadLatency: async (engineId) => {
        if (get().inspector.engineId !== engineId) patch({ engineId, latency: null, error: null, actionMessage: null });
        const result = await bridge().invoke('engine.details', { engineId });
        // A later selection wins over a slow answer.
        if (get().inspector.engineId !== engineId) return;
        patch(result.ok ? { latency: result.data.latency, error: null } : { error: result.error.message });
      },
      restart: (engineId) =>
        act(
          engineId,
          async () => {
            const result = await bridge().invoke('engine.restart', { engineId });
            return result.ok ? { ok: true, data: result.data.restarted } : result;
          },
          'restarted'
        ),
      recompute: (engineId) =>
        act(
          engineId,
          async () => {
            const result = await bridge().invoke('engine.recompute', { engineId });
            return result.ok ? { ok: true, data: result.data.recomputed } : result;
          },
          'recomputed'
        )
    }
  };
};
