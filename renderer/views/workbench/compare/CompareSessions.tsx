import { useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';

/** Picks two recorded sessions and compares their final states. */
export function CompareSessions(): ReactElement {
  const c = useFlightdeck(useShallow((s) => ({ sessions: s.sessions.list, pending: s.comparison.pending, compareSessions: s.comparison.compareSessions })));
  const [picked, setPicked] = useState<{ a: number | null; b: number | null }>({ a: null, b: null });
  const recorded = c.sessions.filter((session) => session.lastSeq > 0);
  // Until picked: the older of the two newest as A.
  const a = recorded.find((s) => s.id === picked.a) ?? recorded[1] ?? null;
  const b = recorded.find((s) => s.id === picked.b) ?? recorded[0] ?? null;
  const options = recorded.map((session) => (
    <option key={session.id} value={session.id}>
      {session.name} (#{session.id})
    </option>
  ));
  return (
    <div className="cmp-pickers" data-testid="compare-sessions">
      <label className="wb-field">
        <span>Session A</span>
        <select className="wb-select" value={a?.id ?? ''} disabled={recorded.length === 0} onChange={(e) => setPicked({ ...picked, a: Number(e.target.value) })}>
          {options}
        </select>
      </label>
      <label className="wb-field">
        <span>Session B</span>
        <select className="wb-select" value={b?.id ?? ''} disabled={recorded.length === 0} onChange={(e) => setPicked({ ...picked, b: Number(e.target.value) })}>
          {options}
        </select>
      </label>
      <button type="button" className="wb-btn wb-btn-primary" disabled={!a || !b || a === b || c.pending} onClick={() => a && b && void c.compareSessions(a, b)}>
        Compare sessions
      </button>
      <p className="wb-note">{recorded.length < 2 ? 'Two recorded sessions with events are needed.' : 'Each session as of its last event, read-only.'}</p>
    </div>
  );
}
