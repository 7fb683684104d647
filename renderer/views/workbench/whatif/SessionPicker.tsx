import type { ReactElement } from 'react';
import type { RecordedSession } from '../../../../shared/protocol';
import { formatCount } from '../../common/format';

interface SessionPickerProps {
  sessions: readonly RecordedSession[];
  liveSessionId: number | null;
  /** null = the live session. */
  sessionId: number | null;
  onSelect(sessionId: number | null): void;
}

function sessionLabel(session: RecordedSession, live: boolean): string {
  const started = new Date(session.startedAt).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' });
  return `${live ? 'Live — ' : ''}${session.name} (${session.aircraft ?? 'no aircraft'}, ${formatCount(session.eventCount)} events, ${started})`;
}

/** The recorded session both what-ifs read; the live one by default. */
export function SessionPicker({ sessions, liveSessionId, sessionId, onSelect }: SessionPickerProps): ReactElement {
  const value = sessionId ?? liveSessionId ?? '';
  return (
    <label className="wb-field wi-session">
      <span>Session</span>
      <select
        className="wb-select"
        value={value}
        onChange={(e) => {
          const id = Number(e.target.value);
          onSelect(id === liveSessionId ? null : id);
        }}
      >
        {liveSessionId === null && <option value="">the live session (not recorded)</option>}
        {sessions.map((session) => (
          <option key={session.id} value={session.id}>
            {sessionLabel(session, session.id === liveSessionId)}
          </option>
        ))}
      </select>
    </label>
  );
}
