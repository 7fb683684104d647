import type { ReactElement } from 'react';
import type { ConditionLine } from './engine-condition';
import { RestartCountdown } from './RestartCountdown';
import './condition.css';

/** The line under an engine's status word: a note, a live countdown to its restart, or that its supervisor gave it up. */
export function ConditionText({ line }: { line: ConditionLine }): ReactElement {
  switch (line.kind) {
    case 'note':
      return (
        <span className="fd-condition" title={line.text}>
          {line.text}
        </span>
      );
    case 'countdown':
      return (
        <span className="fd-condition fd-condition--countdown">
          <RestartCountdown retryAt={line.retryAt} />
        </span>
      );
    case 'given-up':
      return (
        <span className="fd-condition fd-condition--given-up" data-testid="given-up">
          <span aria-hidden="true">⊗</span> {line.text}
        </span>
      );
  }
}
