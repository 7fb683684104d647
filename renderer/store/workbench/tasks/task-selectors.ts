import type { TaskState } from '../../../../shared/projection';
import {
  OptimizationProgressDataSchema,
  OptimizationResultSchema,
  SimulationResultSchema,
  type OptimizationResult,
  type SimulationResult
} from '../../../../shared/results';
import type { z } from 'zod';
import { perObject } from '../../session/memo';

/**
 * Typed views of a task's `result` and `progress` (the session state keeps them as the events
 * carried them). Parsed once per task state object; null when absent or not of the kind.
 */
function parsedField<T>(field: 'result' | 'progress', schema: z.ZodType<T>): (task: TaskState) => T | null {
  return perObject((task: TaskState) => {
    const value = task[field];
    if (value === null || value === undefined) return null;
    const parsed = schema.safeParse(value);
    if (!parsed.success) console.error(`flightdeck: the ${task.kind} ${field} of task ${task.taskId} is unreadable`, parsed.error.issues[0]);
    return parsed.success ? parsed.data : null;
  });
}

export const optimizationResultOf: (task: TaskState) => OptimizationResult | null = parsedField('result', OptimizationResultSchema);
export const optimizationProgressOf = parsedField('progress', OptimizationProgressDataSchema);
export const simulationResultOf: (task: TaskState) => SimulationResult | null = parsedField('result', SimulationResultSchema);
