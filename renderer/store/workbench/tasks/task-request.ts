import type { TaskState } from '../../../../shared/projection';
import type { CommandResult } from '../../../../shared/protocol';
import type { FlightdeckState } from '../../index';

/**
 * A long-running task as this window asked for it: whether a start is in flight, the id the
 * host gave it and what went wrong. The task itself (status, progress, result) is the session
 * state's; views show the newest task of the kind.
 */
export interface TaskRequest {
  /** A start command in flight. */
  starting: boolean;
  /** The task the last start from this window created (until its first event arrives it is "starting"). */
  requestedTaskId: string | null;
  error: string | null;
}

export const IDLE_REQUEST: TaskRequest = { starting: false, requestedTaskId: null, error: null };

/** What a task panel shows: the task's status, or `starting` until the requested task appears. */
export type TaskViewStatus = 'idle' | 'starting' | TaskState['status'];

export function taskViewStatus(request: TaskRequest, task: TaskState | null, known: (taskId: string) => boolean): TaskViewStatus {
  if (request.starting || (request.requestedTaskId !== null && !known(request.requestedTaskId))) return 'starting';
  return task?.status ?? 'idle';
}

type Key = 'optimization' | 'simulation';
type Setter = (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void;

/**
 * The start / cancel actions of one task kind, shared by the optimization and simulation
 * slices: `start` sends the command, `cancel` cancels the newest running task of the kind.
 */
export function taskRequestActions(
  key: Key,
  set: Setter,
  get: () => FlightdeckState
): {
  run(call: () => Promise<CommandResult<{ taskId: string }>>): Promise<void>;
  cancel(call: (taskId: string) => Promise<CommandResult<{ cancelled: boolean }>>): Promise<void>;
} {
  const patch = (next: Partial<TaskRequest>): void =>
    set((s) => ({ [key]: { ...s[key], request: { ...s[key].request, ...next } } }));
  return {
    run: async (call) => {
      patch({ starting: true, requestedTaskId: null, error: null });
      const result = await call();
      patch(result.ok ? { starting: false, requestedTaskId: result.data.taskId } : { starting: false, error: result.error.message });
    },
    cancel: async (call) => {
      const { tasks, taskOrder } = get().session.state;
      const running = taskOrder.map((id) => tasks[id]).filter((task) => task?.kind === key && task.status === 'running');
      const newest = running.at(-1);
      if (!newest) return;
      const result = await call(newest.taskId);
      if (!result.ok) patch({ error: result.error.message });
    }
  };
}
