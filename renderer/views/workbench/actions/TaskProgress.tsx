import type { ReactElement } from 'react';
import type { TaskState } from '../../../store/workbench/tasks/task-reducer';
import { Badge } from '../common/Panel';

const TONES: Record<TaskState<unknown>['status'], string> = {
  idle: 'dim',
  starting: 'busy',
  running: 'busy',
  completed: 'ok',
  cancelled: 'warning',
  failed: 'error'
};

/** A task's status, progress bar and latest message. */
export function TaskProgress({ task, label, testId }: { task: TaskState<unknown>; label: string; testId: string }): ReactElement | null {
  if (task.status === 'idle') return null;
  const percent = Math.round(task.fraction * 100);
  return (
    <div className="ac-progress" data-testid={testId} data-status={task.status}>
      <Badge tone={TONES[task.status]}>{task.status}</Badge>
      <div className="wb-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div style={{ width: `${percent}%` }} />
      </div>
      <span className="wb-mono">{percent} %</span>
      <span className="wb-dim ac-progress-message">{task.error ?? task.message}</span>
    </div>
  );
}
