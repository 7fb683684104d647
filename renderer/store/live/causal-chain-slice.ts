import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../../shared/events';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';
import { liveBuffer } from './live-buffer';

/** Events of one chain asked from the host. */
const CHAIN_LIMIT = 2000;

export interface CausalChainSlice {
  causalChain: {
    correlationId: string | null;
    /** Every event of the chain known to the host or the buffer, oldest first, no duplicates. */
    events: EngineEvent[];
    loading: boolean;
    error: string | null;
    load(correlationId: string): Promise<void>;
  };
}

/** Merges two event lists by log position, oldest first, each event once. */
export function mergeEvents(a: readonly EngineEvent[], b: readonly EngineEvent[]): EngineEvent[] {
  const bySeq = new Map<number, EngineEvent>();
  for (const event of [...a, ...b]) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}

export const createCausalChainSlice: StateCreator<FlightdeckState, [], [], CausalChainSlice> = (set, get) => {
  const patch = (next: Partial<CausalChainSlice['causalChain']>): void =>
    set((s) => ({ causalChain: { ...s.causalChain, ...next } }));
  return {
    causalChain: {
      correlationId: null,
      events: [],
      loading: false,
      error: null,
      load: async (correlationId) => {
        const local = liveBuffer.newestWhere((e) => e.correlationId === correlationId, CHAIN_LIMIT);
        patch({ correlationId, events: mergeEvents(local.reverse(), []), loading: true, error: null });
        const result = await bridge().invoke('history.query', { correlationId, limit: CHAIN_LIMIT });
        if (get().causalChain.correlationId !== correlationId) return;
        patch(
          result.ok
            ? { events: mergeEvents(result.data.events, get().causalChain.events), loading: false }
            : { loading: false, error: result.error.message }
        );
      }
    }
  };
};
