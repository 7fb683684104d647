import type { StateCreator } from 'zustand';
import type { StreamBatch } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';
import { idleTask, reduceTaskEvent, startingTask, type TaskState } from './task-reducer';
import { SimulationResultSchema, type SimulationResult } from './task-results';

export interface SimulationSlice {
  simulation: {
    task: TaskState<SimulationResult>;
    error: string | null;
    /** Starts the default combat mission at the configuration's required radius. */
    start(): Promise<void>;
    cancel(): Promise<void>;
  };
}

export const createSimulationSlice: StateCreator<FlightdeckState, [], [], SimulationSlice> = (set, get) => ({
  simulation: {
    task: idleTask(),
    error: null,
    start: async () => {
      set((s) => ({ simulation: { ...s.simulation, task: startingTask(s.simulation.task), error: null } }));
      const result = await bridge().invoke('simulation.start', {});
      set((s) => {
        const task = s.simulation.task;
        if (!result.ok) return { simulation: { ...s.simulation, task: { ...task, status: 'failed', error: result.error.message } } };
        return { simulation: { ...s.simulation, task: task.taskId ? task : { ...task, taskId: result.data.taskId, status: task.status === 'starting' ? 'running' : task.status } } };
      });
    },
    cancel: async () => {
      const taskId = get().simulation.task.taskId;
      if (!taskId) return;
      const result = await bridge().invoke('simulation.cancel', { taskId });
      if (!result.ok) set((s) => ({ simulation: { ...s.simulation, error: result.error.message } }));
    }
  }
});

/** Follows the tracked simulation through its events. */
export function routeSimulationBatch(batch: StreamBatch, set: (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void): void {
  const events = batch.events.filter((e) => e.eventType.startsWith('simulation_') || e.eventType === 'error_occurred');
  if (events.length === 0) return;
  set((s) => {
    const before = s.simulation.task;
    const task = events.reduce((t, e) => reduceTaskEvent(t, e, 'simulation', (raw) => SimulationResultSchema.parse(raw)), before);
    return task === before ? {} : { simulation: { ...s.simulation, task } };
  });
}
