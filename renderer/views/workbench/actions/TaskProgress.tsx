import type { ReactElement } from 'react';
import type { TaskState } from '../../../../shared/projection';
import type { TaskViewStatus } from '../../../store/workbench/tasks/task-request';
import { Badge } from '../common/Panel';

const TONES: Record<TaskViewStatus, string> = {
  idle: 'dim',
  starting: 'busy',
  running: 'busy',
  completed: 'ok',
  cancelled: 'warning',
  failed: 'error'
};

/** A task's status, progress bar and latest message (or error). */
export function TaskProgress({ status, task, label, testId }: { status: TaskViewStatus; task: TaskState | null; label: string; testId: string }): ReactElement | null {
  if (status === 'idle') return null;
  const percent = status === 'starting' ? 0 : Math.round((task?.fraction ?? 0) * 100);
  const message = status === 'starting' ? 'starting…' : (task?.error ?? task?.message ?? '');
  return (
    <div className="ac-progress" data-testid={testId} data-status={status}>
      <Badge tone={TONES[status]}>{status}</Badge>
      <div className="wb-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div style={{ width: `${percent}%` }} />
      </div>
      <span className="wb-mono">{percent} %</span>
      <span className="wb-dim ac-progress-message">{message}</span>
    </div>
  );
}
