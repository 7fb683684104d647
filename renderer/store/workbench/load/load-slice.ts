import type { StateCreator } from 'zustand';
import type { z } from 'zod';
import type { LoadRequestSchema } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';

export type LoadRequest = z.infer<typeof LoadRequestSchema>;

/**
 * A load run this window started. The host records no event for a start, so this is the
 * window's own note of it; the events themselves (`synthetic_load`, numbered from 0) say how
 * far it got.
 */
export interface LoadRun {
  eventsPerSecond: number;
  durationS: number;
  /** Epoch ms when the host accepted it. */
  startedAt: number;
}

/** How the last run ended, as `load.stop` reported it. */
export interface LoadStopped {
  published: number;
  at: number;
}

export interface LoadSlice {
  load: {
    run: LoadRun | null;
    lastStopped: LoadStopped | null;
    pending: boolean;
    error: string | null;
    start(request: LoadRequest): Promise<boolean>;
    stop(): Promise<boolean>;
  };
}

export const createLoadSlice: StateCreator<FlightdeckState, [], [], LoadSlice> = (set) => {
  const patch = (partial: Partial<LoadSlice['load']>): void => set((s) => ({ load: { ...s.load, ...partial } }));
  return {
    load: {
      run: null,
      lastStopped: null,
      pending: false,
      error: null,
      start: async (request) => {
        patch({ pending: true, error: null });
        const result = await bridge().invoke('load.start', request);
        if (!result.ok) {
          patch({ pending: false, error: result.error.message });
          return false;
        }
        patch({ pending: false, run: { ...request, startedAt: Date.now() }, lastStopped: null });
        return true;
      },
      stop: async () => {
        patch({ pending: true, error: null });
        const result = await bridge().invoke('load.stop', {});
        if (!result.ok) {
          patch({ pending: false, error: result.error.message });
          return false;
        }
        patch({ pending: false, run: null, lastStopped: { published: result.data.published, at: Date.now() } });
        return true;
      }
    }
  };
};

/**
 * Whether a run is still going by its own clock (the host ends it after `durationS`).
 *
 * @example
 * isLoadRunning({ eventsPerSecond: 100, durationS: 10, startedAt: 0 }, 5_000); // true
 */
export function isLoadRunning(run: LoadRun | null, nowMs: number): boolean {
  return run !== null && nowMs < run.startedAt + run.durationS * 1000;
}
