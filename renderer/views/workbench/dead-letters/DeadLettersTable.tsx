import { useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeadLetter } from '../../../../shared/projection';
import { useFlightdeck } from '../../../store';
import { deadLetterKey } from '../../../store/workbench/dead-letters/dead-letters-slice';
import { formatClock } from '../../common/format';
import { engineLabel, laneColor } from '../../live/common/engine-style';
import { requestNote } from './request-note';
import { useReadOnlyReason } from '../../common/use-read-only';

function DeadLetterRow({ letter }: { letter: DeadLetter }): ReactElement {
  const { request, redeliver, discard, reveal } = useFlightdeck(
    useShallow((s) => ({
      request: s.deadLetterRequests.byKey[deadLetterKey(letter)],
      redeliver: s.deadLetterRequests.redeliver,
      discard: s.deadLetterRequests.discard,
      reveal: s.selection.reveal
    }))
  );
  const [notInBuffer, setNotInBuffer] = useState(false);
  const readOnly = useReadOnlyReason();
  const note = notInBuffer ? { text: "That event is no longer in this window's event buffer.", tone: 'error' as const } : requestNote(request, letter);
  const sending = request?.state === 'sending';
  return (
    <tr data-testid="dead-letter" data-event-id={letter.originalEventId} data-engine={letter.engineId}>
      <td className="wb-mono dl-time">{formatClock(letter.at)}</td>
      <td>
        <button
          type="button"
          className="dl-link wb-mono"
          title="Show this event in the timeline"
          aria-label={`Show ${letter.originalEventType} ${letter.originalEventId} in the timeline`}
          onClick={() => setNotInBuffer(!reveal(letter.originalEventId))}
        >
          {letter.originalEventType}
        </button>
        <span className="wb-dim wb-mono dl-id">{letter.originalEventId}</span>
      </td>
      <td className="dl-engine">
        <span className="dl-dot" style={{ background: laneColor(letter.engineId) }} aria-hidden="true" />
        {engineLabel(letter.engineId)}
      </td>
      <td className="dl-message">{letter.message}</td>
      <td className="wb-num">{letter.attempts}</td>
      <td className="dl-actions">
        <div className="dl-buttons">
          <button
            type="button"
            className="wb-btn wb-btn-primary"
            disabled={sending || readOnly !== null} title={readOnly ?? undefined}
            aria-label={`Redeliver ${letter.originalEventType} to ${letter.engineId}`}
            onClick={() => void redeliver(letter)}
          >
            Redeliver
          </button>
          <button
            type="button"
            className="wb-btn wb-btn-danger"
            disabled={sending || readOnly !== null} title={readOnly ?? undefined}
            aria-label={`Discard ${letter.originalEventType} for ${letter.engineId}`}
            onClick={() => void discard(letter)}
          >
            Discard
          </button>
        </div>
        {note && (
          <span className={note.tone === 'error' ? 'wb-error-text dl-note' : 'wb-dim dl-note'} role="status">
            {note.text}
          </span>
        )}
      </td>
    </tr>
  );
}

/** The dead letters, newest first: what failed on which event, and redeliver or discard each. */
export function DeadLettersTable({ letters }: { letters: readonly DeadLetter[] }): ReactElement {
  return (
    <div className="wb-table-wrap dl-table-wrap" tabIndex={0} role="region" aria-label="Dead letters table">
      <table className="wb-table" data-testid="dead-letters-table">
        <thead>
          <tr>
            <th scope="col">Failed at</th>
            <th scope="col">Event</th>
            <th scope="col">Subscriber</th>
            <th scope="col">Error</th>
            <th scope="col" className="wb-num">
              Attempts
            </th>
            <th scope="col">
              <span className="fd-sr">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {letters.map((letter) => (
            <DeadLetterRow key={deadLetterKey(letter)} letter={letter} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
