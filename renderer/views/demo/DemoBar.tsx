import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../store';
import type { DemoSnapshot } from '../../store/demo/demo-player';
import { usePanelRequest } from './use-panel-request';
import './demo.css';

function statusWord(player: DemoSnapshot): string {
  if (player.error) return 'stopped';
  if (player.status === 'finished') return 'finished';
  if (player.paused) return 'paused';
  return player.status === 'waiting' ? 'waiting for the engines…' : player.status === 'running' ? 'running…' : 'playing';
}

/**
 * The bottom bar while a demo plays (step n/N, caption, controls), and presenter mode's caption
 * bar. Keys: → / PageDown next, ← / PageUp previous, p / b pause.
 */
export function DemoBar(): ReactElement | null {
  const d = useFlightdeck(
    useShallow((s) => ({
      script: s.demo.script,
      player: s.demo.player,
      presenter: s.layout.presenter,
      next: s.demo.next,
      previous: s.demo.previous,
      togglePause: s.demo.togglePause,
      close: s.demo.close
    }))
  );
  const missingPanel = usePanelRequest();
  if (!d.script && !d.presenter) return null;
  const player = d.player;
  return (
    <section className="dm-bar" aria-label="Demo" data-testid="demo-bar" data-status={player ? statusWord(player) : 'none'}>
      {d.script && player && (
        <div className="dm-controls">
          <span className="dm-name">{d.script.name}</span>
          <span className="dm-step" data-testid="demo-step">
            step {Math.max(1, player.index + 1)} / {d.script.steps.length}
          </span>
          <span className="dm-status">{statusWord(player)}</span>
          <span className="dm-buttons">
            <button type="button" className="fd-button" onClick={d.previous} disabled={player.index <= 0} title="Previous step's caption and view (← or PageUp); undoes nothing">
              ◀ Previous
            </button>
            <button type="button" className="fd-button" onClick={d.togglePause} disabled={player.status === 'finished'} aria-pressed={player.paused} title="Pause or resume (p or b)">
              {player.paused ? '▶ Resume' : '❚❚ Pause'}
            </button>
            <button type="button" className="fd-button" onClick={d.next} disabled={player.status === 'finished'} title="Next step now (→ or PageDown)">
              Next ▶
            </button>
            <button type="button" className="fd-button" onClick={d.close} aria-label="Close the demo">
              ✕
            </button>
          </span>
        </div>
      )}
      <p className="dm-caption" aria-live="polite" data-testid="demo-caption">
        {player?.caption ?? (d.script ? '' : 'Presenter mode — open a demo from Present ▾, or press f to leave.')}
      </p>
      {missingPanel && (
        <p className="dm-error" role="alert">
          This tab has no panel titled “{missingPanel}”.
        </p>
      )}
      {player?.error && (
        <p className="dm-error" role="alert" data-testid="demo-error">
          {player.error} — p retries it, → skips it.
        </p>
      )}
    </section>
  );
}
