import type { StateCreator } from 'zustand';
import type { Fault } from '../../../../shared/faults';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';

/** The last fault action and how it went, per engine. */
export interface FaultAction {
  label: string;
  ok: boolean;
  message?: string;
  at: number;
}

export interface FaultsSlice {
  faults: {
    /** Engines with a fault command in flight. */
    pending: Record<string, boolean>;
    lastAction: Record<string, FaultAction>;
    inject(engineId: string, fault: Fault): Promise<void>;
    restart(engineId: string): Promise<void>;
  };
}

function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'crash':
      return 'crash';
    case 'slow':
      return `slow ${fault.delayMs} ms`;
    case 'fail':
      return `fail next ${fault.count}`;
    case 'clear':
      return 'clear faults';
  }
}

export const createFaultsSlice: StateCreator<FlightdeckState, [], [], FaultsSlice> = (set) => {
  const run = async (engineId: string, label: string, call: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>): Promise<void> => {
    set((s) => ({ faults: { ...s.faults, pending: { ...s.faults.pending, [engineId]: true } } }));
    const result = await call();
    const action: FaultAction = result.ok ? { label, ok: true, at: Date.now() } : { label, ok: false, message: result.error.message, at: Date.now() };
    set((s) => ({
      faults: { ...s.faults, pending: { ...s.faults.pending, [engineId]: false }, lastAction: { ...s.faults.lastAction, [engineId]: action } }
    }));
  };
  return {
    faults: {
      pending: {},
      lastAction: {},
      inject: (engineId, fault) => run(engineId, describeFault(fault), () => bridge().invoke('engine.fault', { engineId, fault })),
      restart: (engineId) => run(engineId, 'restart', () => bridge().invoke('engine.restart', { engineId }))
    }
  };
};
