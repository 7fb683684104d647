import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RecordedSession } from '../../../../shared/protocol';
import { useFlightdeck } from '../../../store';
import { exportHref } from '../../../store/sessions/session-files';
import { formatCount } from '../../common/format';
import { SaveAsDemoButton } from '../../demo/SaveAsDemoButton';
import { Badge } from '../common/Panel';
import { formatBytes, sessionStatus } from './session-status';

const STATUS_TONE = { live: 'ok', ended: 'info', interrupted: 'warning' } as const;

/** The replay range a row starts: the form's, clamped to the session (blank = all of it). */
export interface ReplayRange {
  fromSeq: number | null;
  toSeq: number | null;
}

function SessionRow({ session, range }: { session: RecordedSession; range: ReplayRange }): ReactElement {
  const s = useFlightdeck(
    useShallow((st) => ({ liveId: st.sessions.liveSessionId, openedId: st.viewed.opened?.sessionId ?? null, open: st.viewed.open, startReplay: st.replay.start, speed: st.replay.speed }))
  );
  const status = sessionStatus(session, s.liveId);
  const empty = session.lastSeq === 0;
  const onReplay = (): void => {
    const toSeq = Math.min(session.lastSeq, range.toSeq ?? session.lastSeq);
    const fromSeq = Math.max(1, Math.min(toSeq, range.fromSeq ?? 1));
    void s.startReplay({ sessionId: session.id, name: session.name, fromSeq, toSeq }, s.speed);
  };
  return (
    <tr data-testid="session-row" data-session-id={session.id} aria-current={s.openedId === session.id ? 'true' : undefined}>
      <td>{session.name}</td>
      <td className="wb-mono">{new Date(session.startedAt).toLocaleString('en-GB')}</td>
      <td>{session.aircraft ?? '—'}</td>
      <td className="wb-num">{formatCount(session.eventCount)}</td>
      <td className="wb-num">{formatBytes(session.bytes)}</td>
      <td>
        <Badge tone={STATUS_TONE[status]}>{status}</Badge>
      </td>
      <td>
        <div className="ss-actions">
        <button type="button" className="wb-btn" disabled={empty} onClick={() => s.open({ sessionId: session.id, name: session.name, lastSeq: session.lastSeq })} aria-label={`Open ${session.name} read-only`}>
          Open
        </button>
        <button type="button" className="wb-btn" disabled={empty} onClick={onReplay} aria-label={`Replay ${session.name}`}>
          Replay
        </button>
        <a className="wb-btn" href={exportHref(session.id)} download aria-label={`Export ${session.name}`}>
          Export
        </a>
        <SaveAsDemoButton sessionId={session.id} name={session.name} className="wb-btn" label="As demo" />
        </div>
      </td>
    </tr>
  );
}

/** The recorded sessions, newest first, each with Open, Replay, Export and As demo. */
export function SessionsTable({ sessions, range }: { sessions: readonly RecordedSession[]; range: ReplayRange }): ReactElement {
  return (
    <div className="wb-table-wrap">
      <table className="wb-table" data-testid="sessions-table">
        <caption className="fd-sr">Recorded sessions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Started</th>
            <th scope="col">Aircraft</th>
            <th scope="col" className="wb-num">Events</th>
            <th scope="col" className="wb-num">Size</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <SessionRow key={session.id} session={session} range={range} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
