import type { StateCreator } from 'zustand';
import type { OptimizationCriteria } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';
import { IDLE_REQUEST, taskRequestActions, type TaskRequest } from './task-request';

export interface OptimizationSlice {
  optimization: {
    request: TaskRequest;
    start(criteria: OptimizationCriteria): Promise<void>;
    /** Cancels the newest running optimization. */
    cancel(): Promise<void>;
  };
}

export const createOptimizationSlice: StateCreator<FlightdeckState, [], [], OptimizationSlice> = (set, get) => {
  const actions = taskRequestActions('optimization', set, get);
  return {
    optimization: {
      request: IDLE_REQUEST,
      start: (criteria) => actions.run(() => bridge().invoke('optimization.start', { criteria })),
      cancel: () => actions.cancel((taskId) => bridge().invoke('optimization.cancel', { taskId }))
    }
  };
};
