import { Fragment, useState, type FormEvent, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { viewedLastSeq } from '../../../store/viewed';
import { formatClock, formatCount } from '../../common/format';
import { useThrottledSnapshot } from '../common/use-throttled-snapshot';
import { ReplayControls } from './ReplayControls';
import './time-travel.css';

const readLastSeq = (): number => viewedLastSeq(useFlightdeck.getState());

/** What the views show, in words: live, or the viewed event and session, read-only. */
function ViewingBanner(): ReactElement {
  const v = useFlightdeck(useShallow((s) => ({ at: s.viewed.at, opened: s.viewed.opened, pending: s.viewed.pending, error: s.viewed.error })));
  if (v.error) return <span className="tt-banner tt-banner--error" role="alert">{v.error}</span>;
  if (!v.at) {
    return (
      <span className="tt-banner tt-banner--live" role="status">
        {v.pending ? 'Travelling…' : 'Live'}
      </span>
    );
  }
  const time = v.at.event ? ` (${formatClock(v.at.event.timestamp)})` : '';
  return (
    <span className="tt-banner tt-banner--past" role="status" data-testid="viewing-banner">
      {v.opened ? `Session “${v.opened.name}” · ` : ''}Viewing event #{formatCount(v.at.seq)}
      {time} — read-only
    </span>
  );
}

/**
 * The time-travel scrubber, always on screen under the header: a slider over the session's
 * events (drag, click or arrow keys), step back / forward (`[` `]`), a seq field and Live (`l`).
 * It drives the store's one viewed state; every view follows it.
 */
export function TimeTravelBar(): ReactElement {
  const lastSeq = useThrottledSnapshot(readLastSeq, 250);
  const v = useFlightdeck(
    useShallow((s) => ({
      at: s.viewed.at,
      live: s.viewed.at === null && s.viewed.opened === null,
      pending: s.viewed.pending,
      travelTo: s.viewed.travelTo,
      step: s.viewed.step,
      goLive: s.viewed.goLive,
      replaying: s.replay.plan !== null
    }))
  );
  const [dragSeq, setDragSeq] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const shownSeq = v.pending && dragSeq !== null ? dragSeq : (v.at?.seq ?? lastSeq);
  const onTravel = (seq: number): void => {
    setDragSeq(seq);
    v.travelTo(seq);
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const seq = Number.parseInt(typed, 10);
    if (Number.isFinite(seq)) onTravel(seq);
    setTyped('');
  };
  return (
    <Fragment>
    <div className={`tt-bar${v.live ? '' : ' tt-bar--past'}`} role="group" aria-label="Time travel" data-testid="time-travel">
      <ViewingBanner />
      <button type="button" className="fd-button fd-button--small" onClick={() => v.step(-1)} disabled={lastSeq < 2 || shownSeq <= 1} title="One event back ([)" aria-label="Step one event back">
        ◀
      </button>
      <input
        className="tt-slider"
        type="range"
        min={1}
        max={Math.max(1, lastSeq)}
        step={1}
        value={Math.max(1, shownSeq)}
        disabled={lastSeq < 1}
        aria-label="Event to view"
        aria-valuetext={`event ${shownSeq} of ${lastSeq}`}
        onChange={(e) => onTravel(Number(e.target.value))}
      />
      <button type="button" className="fd-button fd-button--small" onClick={() => v.step(1)} disabled={v.live || shownSeq >= lastSeq} title="One event forward (])" aria-label="Step one event forward">
        ▶
      </button>
      <span className="tt-position" aria-hidden="true">
        #{formatCount(shownSeq)} / {formatCount(lastSeq)}
      </span>
      <form className="tt-goto" onSubmit={onSubmit}>
        <label htmlFor="tt-seq" className="fd-sr">
          Go to event number
        </label>
        <input id="tt-seq" className="tt-seq" inputMode="numeric" placeholder="event #" value={typed} onChange={(e) => setTyped(e.target.value.replace(/\D/g, ''))} />
        <button type="submit" className="fd-button fd-button--small" disabled={typed === ''}>
          Go
        </button>
      </form>
      <button type="button" className={`fd-button fd-button--small${v.live ? '' : ' fd-button--primary'}`} onClick={v.goLive} title="Back to the live session, now (l)">
        ● Live
      </button>
    </div>
    {v.replaying && <ReplayControls />}
    </Fragment>
  );
}
