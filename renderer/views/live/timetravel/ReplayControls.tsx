import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { REPLAY_SPEEDS, type ReplaySpeed } from '../../../store/viewed';
import { formatCount } from '../../common/format';

export const speedLabel = (speed: ReplaySpeed): string => (speed === 'step' ? 'step by step' : `${speed}×`);

/** The running replay: what, where and how fast, with pause / resume, step, speed and stop. */
export function ReplayControls(): ReactElement | null {
  const r = useFlightdeck(useShallow((s) => ({ ...s.replay })));
  if (!r.plan) return null;
  const { progress, plan } = r;
  const state = progress.error ? `failed: ${progress.error}` : progress.finished ? 'finished' : progress.playing ? 'playing' : 'paused';
  return (
    <div className="tt-replay" role="group" aria-label="Replay" data-testid="replay-banner">
      <span className="tt-replay-label" role="status">
        Replay “{plan.name}” · #{formatCount(Math.max(progress.seq, 0))} of {formatCount(plan.toSeq)} · {speedLabel(r.speed)} · {state}
      </span>
      {progress.playing ? (
        <button type="button" className="fd-button fd-button--small" onClick={r.pause}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" className="fd-button fd-button--small" onClick={r.resume} disabled={progress.finished || r.speed === 'step'}>
          ▶ Resume
        </button>
      )}
      <button type="button" className="fd-button fd-button--small" onClick={r.step} disabled={progress.finished}>
        Step
      </button>
      <label className="tt-speed">
        <span className="fd-sr">Replay speed</span>
        <select value={String(r.speed)} onChange={(e) => r.setSpeed(e.target.value === 'step' ? 'step' : (Number(e.target.value) as ReplaySpeed))}>
          {REPLAY_SPEEDS.map((speed) => (
            <option key={speed} value={String(speed)}>
              {speedLabel(speed)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="fd-button fd-button--small" onClick={r.stop}>
        ■ Stop
      </button>
    </div>
  );
}
