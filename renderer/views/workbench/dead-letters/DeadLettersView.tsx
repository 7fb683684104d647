import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_DEAD_LETTERS } from '../../../../shared/projection';
import { useSession } from '../../../store';
import { EmptyState, KpiTile, Panel } from '../common/Panel';
import { DeadLettersTable } from './DeadLettersTable';
import '../common/workbench.css';
import './dead-letters.css';

/**
 * The events a subscriber's handler kept failing on, as the session state lists them (newest
 * first): redeliver one once its cause is fixed, or discard it. A letter leaves the list when
 * the bus resolves it (`dead_letter_resolved`), never before.
 */
export function DeadLettersView(): ReactElement {
  const { letters, dropped } = useSession(useShallow((state) => ({ letters: state.deadLetters, dropped: state.deadLettersDropped })));
  const engines = new Set(letters.map((letter) => letter.engineId)).size;
  return (
    <section className="wb-view" aria-label="Dead letters" data-testid="dead-letters-view">
      <div className="wb-kpis">
        <KpiTile label="Dead letters" value={String(letters.length)} tone={letters.length > 0 ? 'warn' : undefined} testId="count-dead-letters" />
        <KpiTile label="Subscribers" value={String(engines)} testId="count-dead-letter-engines" />
        {dropped > 0 && <KpiTile label="Not listed" value={String(dropped)} tone="warn" testId="count-dead-letters-dropped" />}
      </div>
      <Panel title="Dead letters" meta={letters.length > 0 ? `${letters.length} held · newest first` : 'none'} testId="dead-letters-panel">
        {dropped > 0 && (
          <p className="wb-note wb-note--warning dl-dropped" data-testid="dead-letters-dropped">
            {dropped} older dead letter{dropped === 1 ? ' is' : 's are'} not listed: the session keeps the newest {MAX_DEAD_LETTERS}.
          </p>
        )}
        {letters.length === 0 ? (
          <div className="dl-empty">
            <EmptyState title="No dead letters">
              A dead letter is an event a subscriber&apos;s handler kept failing on, after the bus&apos;s retries. The bus keeps it with the
              subscriber, so that once the cause is fixed you can redeliver it here, or discard it. Requests (such as an analysis&apos;s
              waves) are never dead-lettered: their failure is the requester&apos;s answer.
            </EmptyState>
          </div>
        ) : (
          <DeadLettersTable letters={letters} />
        )}
      </Panel>
    </section>
  );
}
