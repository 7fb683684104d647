import { useEffect, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';

const LIVE = 'live';

/** Picks a session and two of its configuration versions, and compares their states. */
export function CompareVersions(): ReactElement {
  const c = useFlightdeck(
    useShallow((s) => ({
      sessions: s.sessions.list,
      versions: s.comparison.versions,
      pending: s.comparison.pending,
      loadVersions: s.comparison.loadVersions,
      compareVersions: s.comparison.compareVersions,
      liveVersion: s.session.state.configuration?.version ?? 0
    }))
  );
  const [session, setSession] = useState(LIVE);
  const sessionId = session === LIVE ? undefined : Number(session);
  // The live session's list follows its new versions.
  const { loadVersions } = c;
  const followVersion = sessionId === undefined ? c.liveVersion : 0;
  useEffect(() => void loadVersions(sessionId), [loadVersions, sessionId, followVersion]);
  const list = c.versions.sessionId === sessionId ? c.versions.list : [];
  const [picked, setPicked] = useState<{ a: number | null; b: number | null }>({ a: null, b: null });
  // Until picked: the last two versions (older as A).
  const a = list.find((v) => v.seq === picked.a) ?? list[list.length - 2] ?? null;
  const b = list.find((v) => v.seq === picked.b) ?? list[list.length - 1] ?? null;
  const versionOptions = list.map((v) => (
    <option key={v.seq} value={v.seq}>
      v{v.version} {v.name} (#{v.seq})
    </option>
  ));
  return (
    <div className="cmp-pickers" data-testid="compare-versions">
      <label className="wb-field">
        <span>Session</span>
        <select className="wb-select" value={session} onChange={(e) => {
            setSession(e.target.value);
            setPicked({ a: null, b: null });
          }}>
          <option value={LIVE}>The live session</option>
          {c.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} (#{s.id})
            </option>
          ))}
        </select>
      </label>
      <label className="wb-field">
        <span>Version A</span>
        <select className="wb-select" value={a?.seq ?? ''} disabled={list.length === 0} onChange={(e) => setPicked({ ...picked, a: Number(e.target.value) })}>
          {versionOptions}
        </select>
      </label>
      <label className="wb-field">
        <span>Version B</span>
        <select className="wb-select" value={b?.seq ?? ''} disabled={list.length === 0} onChange={(e) => setPicked({ ...picked, b: Number(e.target.value) })}>
          {versionOptions}
        </select>
      </label>
      <button type="button" className="wb-btn wb-btn-primary" disabled={!a || !b || a === b || c.pending} onClick={() => a && b && void c.compareVersions(a, b)}>
        Compare versions
      </button>
      <p className="wb-note">
        {c.versions.loading
          ? 'Reading the configuration changes…'
          : list.length < 2
            ? 'This session has fewer than two configuration versions.'
            : 'Each version is compared as it stood just before the next one was applied (the latest: as of now).'}
      </p>
    </div>
  );
}
