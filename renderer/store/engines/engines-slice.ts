import type { StateCreator } from 'zustand';
import type { EngineGraph, EngineStatusReport, StreamBatch } from '../../../shared/protocol';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';

export interface EnginesSlice {
  engines: {
    /** Latest status per engine, in topological order (from the stream, at most 10 Hz). */
    statuses: EngineStatusReport[];
    graph: EngineGraph | null;
    graphError: string | null;
    /** Fetches the dependency graph and rule edges (at connect, and after rules change). */
    loadGraph(): Promise<void>;
  };
}

export const createEnginesSlice: StateCreator<FlightdeckState, [], [], EnginesSlice> = (set) => ({
  engines: {
    statuses: [],
    graph: null,
    graphError: null,
    loadGraph: async () => {
      const result = await bridge().invoke('graph.get', {});
      set((s) => ({
        engines: result.ok
          ? { ...s.engines, graph: result.data, graphError: null }
          : { ...s.engines, graphError: result.error.message }
      }));
    }
  }
});

/** Takes the engine statuses a batch carries, when it carries them. */
export function routeEnginesBatch(batch: StreamBatch, set: (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void): void {
  const statuses = batch.engines;
  if (statuses) set((s) => ({ engines: { ...s.engines, statuses } }));
}
