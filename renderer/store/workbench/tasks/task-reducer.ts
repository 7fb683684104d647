import type { EngineEvent } from '../../../../shared/events';

/** Where a long-running task started from this window stands. */
export type TaskStatus = 'idle' | 'starting' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface TaskState<TResult> {
  status: TaskStatus;
  taskId: string | null;
  /** 0..1 */
  fraction: number;
  message: string;
  /** The latest progress event's `data.data` (fronts, phase…). */
  progressData: Record<string, unknown> | null;
  result: TResult | null;
  durationMs: number | null;
  error: string | null;
}

export type TaskKind = 'optimization' | 'simulation';

/** A task that has not started. */
export function idleTask<TResult>(): TaskState<TResult> {
  return { status: 'idle', taskId: null, fraction: 0, message: '', progressData: null, result: null, durationMs: null, error: null };
}

/** The state right after Start was pressed: events of the next task are adopted. */
export function startingTask<TResult>(previous: TaskState<TResult>): TaskState<TResult> {
  return { ...idleTask<TResult>(), status: 'starting', result: previous.result };
}

/** Whether an event belongs to the tracked task (or is the first sign of the one starting). */
function isTracked(state: TaskState<unknown>, taskId: unknown): taskId is string {
  if (typeof taskId !== 'string') return false;
  return state.taskId ? state.taskId === taskId : state.status === 'starting';
}

/**
 * Folds one event into the task's state: started → running, progress → fraction and message,
 * completed → result (parsed with `parseResult`), cancelled, or an `error_occurred` naming the
 * task → failed. Events of other tasks leave the state as it is.
 *
 * @example
 * state = reduceTaskEvent(state, event, 'simulation', (r) => SimulationResultSchema.parse(r));
 */
export function reduceTaskEvent<TResult>(
  state: TaskState<TResult>,
  event: EngineEvent,
  kind: TaskKind,
  parseResult: (raw: unknown) => TResult
): TaskState<TResult> {
  const data = event.data;
  if (!isTracked(state, data.taskId)) return state;
  const taskId = data.taskId as string;
  switch (event.eventType) {
    case `${kind}_started`:
      return { ...state, taskId, status: 'running' };
    case `${kind}_progress`: {
      if (state.status !== 'starting' && state.status !== 'running') return state;
      const progressData = typeof data.data === 'object' && data.data !== null ? (data.data as Record<string, unknown>) : null;
      return {
        ...state,
        taskId,
        status: 'running',
        fraction: typeof data.fraction === 'number' ? data.fraction : state.fraction,
        message: typeof data.message === 'string' ? data.message : state.message,
        progressData
      };
    }
    case `${kind}_completed`:
      try {
        return { ...state, taskId, status: 'completed', fraction: 1, result: parseResult(data.result), durationMs: numberOrNull(data.durationMs), error: null };
      } catch (error) {
        return { ...state, taskId, status: 'failed', error: `the ${kind} result could not be read: ${String(error)}` };
      }
    case `${kind}_cancelled`:
      return { ...state, taskId, status: 'cancelled', durationMs: numberOrNull(data.durationMs) };
    case 'error_occurred':
      return { ...state, taskId, status: 'failed', error: typeof data.message === 'string' ? data.message : `${kind} failed` };
    default:
      return state;
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
