import { useRef, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { REPLAY_SPEEDS, type ReplaySpeed } from '../../../store/viewed';
import { speedLabel } from '../../live/timetravel/ReplayControls';
import { EmptyState, Panel } from '../common/Panel';
import { ComparisonResult } from '../compare/ComparisonResult';
import { CompareSessions } from '../compare/CompareSessions';
import { CompareVersions } from '../compare/CompareVersions';
import { useWhileVisible } from '../common/use-while-visible';
import { ImportSession } from './ImportSession';
import { SessionsTable, type ReplayRange } from './SessionsTable';
import '../common/workbench.css';
import './sessions.css';

const REFRESH_MS = 2000;

const seqOrNull = (text: string): number | null => (/^\d+$/.test(text) ? Number(text) : null);

/** Speed and range the Replay buttons use. */
function ReplayOptions({ from, to, setFrom, setTo }: { from: string; to: string; setFrom(v: string): void; setTo(v: string): void }): ReactElement {
  const { speed, setSpeed } = useFlightdeck(useShallow((s) => ({ speed: s.replay.speed, setSpeed: s.replay.setSpeed })));
  return (
    <div className="ss-replay-options">
      <label className="wb-field">
        <span>Speed</span>
        <select className="wb-select" value={String(speed)} onChange={(e) => setSpeed(e.target.value === 'step' ? 'step' : (Number(e.target.value) as ReplaySpeed))}>
          {REPLAY_SPEEDS.map((option) => (
            <option key={option} value={String(option)}>
              {speedLabel(option)}
            </option>
          ))}
        </select>
      </label>
      <label className="wb-field">
        <span>From event</span>
        <input className="wb-input ss-seq" inputMode="numeric" placeholder="first" value={from} onChange={(e) => setFrom(e.target.value.replace(/\D/g, ''))} />
      </label>
      <label className="wb-field">
        <span>to</span>
        <input className="wb-input ss-seq" inputMode="numeric" placeholder="last" value={to} onChange={(e) => setTo(e.target.value.replace(/\D/g, ''))} />
      </label>
      <p className="wb-note">A replay folds the recorded events into the views at the recorded pace divided by the speed; it only reads.</p>
    </div>
  );
}

/**
 * The recorded sessions of this workspace: open one read-only (the scrubber and every view then
 * work on it), replay it, export it as a file, import one exported elsewhere; compare two
 * configuration versions of a session, or two sessions.
 */
export function SessionsView(): ReactElement {
  const ref = useRef<HTMLElement>(null);
  const s = useFlightdeck(
    useShallow((st) => ({ list: st.sessions.list, loadedAt: st.sessions.loadedAt, store: st.sessions.store, error: st.sessions.error, refresh: st.sessions.refresh }))
  );
  useWhileVisible(ref, () => void s.refresh(), REFRESH_MS);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const range: ReplayRange = { fromSeq: seqOrNull(from), toSeq: seqOrNull(to) };
  const recordsNothing = s.loadedAt > 0 && s.store === null;
  return (
    <section className="wb-view" aria-label="Sessions" data-testid="sessions-view" ref={ref}>
      <Panel title="Recorded sessions" meta={s.loadedAt > 0 ? `${s.list.length} · newest first` : 'loading…'} testId="sessions-panel">
        {s.error && (
          <p className="wb-error-text" role="alert">
            sessions.list failed: {s.error}
          </p>
        )}
        {recordsNothing ? (
          <EmptyState title="This host records nothing">Start it with a data folder (`--data-dir`) to record sessions.</EmptyState>
        ) : s.list.length === 0 ? (
          <EmptyState title="No recorded sessions yet" />
        ) : (
          <SessionsTable sessions={s.list} range={range} />
        )}
      </Panel>
      <Panel title="Replay" testId="replay-panel">
        <ReplayOptions from={from} to={to} setFrom={setFrom} setTo={setTo} />
      </Panel>
      <Panel title="Import a session" testId="import-panel">
        <ImportSession />
      </Panel>
      <Panel title="Compare" testId="compare-panel">
        <CompareVersions />
        <CompareSessions />
        <ComparisonResult />
      </Panel>
    </section>
  );
}
