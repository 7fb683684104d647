import type { EngineEvent } from '../events/catalog';
import { MAX_TASKS, type SessionState, type TaskState } from './state';

/** How the projection follows optimization and simulation tasks: started, progressing, ended. */

export function taskStarted(state: SessionState, event: EngineEvent<'optimization_started' | 'simulation_started'>): SessionState {
  const task: TaskState = {
    taskId: event.data.taskId,
    kind: event.eventType === 'optimization_started' ? 'optimization' : 'simulation',
    status: 'running',
    configVersion: event.configVersion,
    startedAt: event.timestamp,
    endedAt: null,
    fraction: 0,
    message: '',
    input: event.data.input,
    progress: null,
    result: null,
    durationMs: null,
    error: null
  };
  const taskOrder = [...state.taskOrder, task.taskId];
  const tasks = { ...state.tasks, [task.taskId]: task };
  // The oldest finished tasks leave first; running ones are never dropped.
  while (taskOrder.length > MAX_TASKS) {
    const index = taskOrder.findIndex((id) => tasks[id]?.status !== 'running');
    if (index < 0) break;
    const [dropped] = taskOrder.splice(index, 1);
    if (dropped !== undefined) delete tasks[dropped];
  }
  return { ...state, tasks, taskOrder };
}

export function taskEnded(
  state: SessionState,
  data: { taskId: string; durationMs: number; result: unknown; reason?: string },
  status: 'completed' | 'cancelled',
  at: number
): SessionState {
  return updateTask(state, data.taskId, (task) => ({
    ...task,
    status,
    fraction: status === 'completed' ? 1 : task.fraction,
    message: data.reason ?? task.message,
    result: data.result,
    durationMs: data.durationMs,
    endedAt: at
  }));
}

export function updateTask(state: SessionState, taskId: string, change: (task: TaskState) => TaskState): SessionState {
  const task = state.tasks[taskId];
  if (!task) return state;
  return { ...state, tasks: { ...state.tasks, [taskId]: change(task) } };
}
