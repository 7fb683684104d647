import type { StateCreator } from 'zustand';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';
import { IDLE_REQUEST, taskRequestActions, type TaskRequest } from './task-request';

export interface SimulationSlice {
  simulation: {
    request: TaskRequest;
    /** Starts the default combat mission at the configuration's required radius. */
    start(): Promise<void>;
    /** Cancels the newest running simulation. */
    cancel(): Promise<void>;
  };
}

export const createSimulationSlice: StateCreator<FlightdeckState, [], [], SimulationSlice> = (set, get) => {
  const actions = taskRequestActions('simulation', set, get);
  return {
    simulation: {
      request: IDLE_REQUEST,
      start: () => actions.run(() => bridge().invoke('simulation.start', {})),
      cancel: () => actions.cancel((taskId) => bridge().invoke('simulation.cancel', { taskId }))
    }
  };
};
