import type { StateCreator } from 'zustand';
import type { OptimizationCriteria, StreamBatch } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';
import { idleTask, reduceTaskEvent, startingTask, type TaskState } from './task-reducer';
import { OptimizationResultSchema, type OptimizationResult } from './task-results';

/** Intermediate fronts kept for the "evolving front" plot. */
const MAX_FRONTS = 6;

/** The objective values of one intermediate front, with the progress it was reported at. */
export interface FrontSnapshot {
  fraction: number;
  points: Record<string, number>[];
}

export interface OptimizationSlice {
  optimization: {
    task: TaskState<OptimizationResult>;
    /** Intermediate fronts of the running (or last) optimization, oldest first. */
    fronts: FrontSnapshot[];
    error: string | null;
    start(criteria: OptimizationCriteria): Promise<void>;
    cancel(): Promise<void>;
  };
}

export const createOptimizationSlice: StateCreator<FlightdeckState, [], [], OptimizationSlice> = (set, get) => ({
  optimization: {
    task: idleTask(),
    fronts: [],
    error: null,
    start: async (criteria) => {
      set((s) => ({ optimization: { ...s.optimization, task: startingTask(s.optimization.task), fronts: [], error: null } }));
      const result = await bridge().invoke('optimization.start', { criteria });
      set((s) => {
        const task = s.optimization.task;
        if (!result.ok) return { optimization: { ...s.optimization, task: { ...task, status: 'failed', error: result.error.message } } };
        // Events may have arrived before the reply; adopt the id without undoing them.
        return { optimization: { ...s.optimization, task: task.taskId ? task : { ...task, taskId: result.data.taskId, status: task.status === 'starting' ? 'running' : task.status } } };
      });
    },
    cancel: async () => {
      const taskId = get().optimization.task.taskId;
      if (!taskId) return;
      const result = await bridge().invoke('optimization.cancel', { taskId });
      if (!result.ok) set((s) => ({ optimization: { ...s.optimization, error: result.error.message } }));
    }
  }
});

/** Follows the tracked optimization through its events. */
export function routeOptimizationBatch(batch: StreamBatch, set: (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void): void {
  const events = batch.events.filter((e) => e.eventType.startsWith('optimization_') || e.eventType === 'error_occurred');
  if (events.length === 0) return;
  set((s) => {
    let { task, fronts } = s.optimization;
    const before = task;
    for (const event of events) {
      const next = reduceTaskEvent(task, event, 'optimization', (raw) => OptimizationResultSchema.parse(raw));
      if (next !== task && event.eventType === 'optimization_progress' && Array.isArray(next.progressData?.front)) {
        fronts = [...fronts, { fraction: next.fraction, points: next.progressData.front as Record<string, number>[] }].slice(-MAX_FRONTS);
      }
      task = next;
    }
    return task === before ? {} : { optimization: { ...s.optimization, task, fronts } };
  });
}
