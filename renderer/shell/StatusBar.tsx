import type { ReactElement } from 'react';
import { useFlightdeck, useSession } from '../store';
import { liveBuffer } from '../store/live';
import { selectStaleEngines } from '../store/session/selectors';
import { useThrottledSnapshot } from '../views/live/common/use-throttled-snapshot';
import { useTypingInField } from './use-typing-in-field';

/** Rates and queue figures refresh at most 4 times a second, whatever the event rate. */
const STATUS_INTERVAL_MS = 250;

const STATE_WORDS = { connecting: 'connecting…', open: 'connected', reconnecting: 'reconnecting…', closed: 'disconnected' } as const;

function readStatus(): {
  transport: string;
  state: keyof typeof STATE_WORDS;
  attempts: number;
  reason: string | undefined;
  syncing: boolean;
  syncError: string | null;
  eventsPerS: number;
  droppedByHost: number;
  droppedByClient: number;
  queue: string;
  missedBatches: number;
} {
  const s = useFlightdeck.getState();
  const info = s.connection.info;
  const queue = s.connection.hostQueue;
  return {
    transport: info.transport === 'ipc' ? 'IPC' : 'WebSocket',
    state: info.state,
    attempts: info.attempts,
    reason: info.reason,
    syncing: s.session.syncing,
    syncError: s.session.syncError,
    eventsPerS: liveBuffer.perSecond(null),
    droppedByHost: s.connection.droppedByHost,
    droppedByClient: liveBuffer.ring.evicted,
    queue: queue ? `${queue.depth.toLocaleString('en-US')} / ${queue.capacity.toLocaleString('en-US')}` : '—',
    missedBatches: s.connection.missedBatches
  };
}

/**
 * Connection, events/s, open violations, stale engines, dropped events and the host queue. The
 * session's counts follow the session state at once (they change rarely); rates are throttled.
 */
export function StatusBar(): ReactElement {
  const st = useThrottledSnapshot(readStatus, STATUS_INTERVAL_MS);
  const openViolations = useSession((state) => Object.keys(state.violations.open).length);
  const staleEngines = useSession((state) => selectStaleEngines(state).length);
  const typing = useTypingInField();
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return (
    <footer className="fd-status" aria-label="Status">
      <span className={`fd-status-item fd-conn fd-conn--${st.state}`} data-testid="status-connection" title={st.syncError ?? st.reason}>
        <span aria-hidden="true" className="fd-conn-dot" />
        {st.transport} · {STATE_WORDS[st.state]}
        {st.attempts > 0 ? ` (attempt ${st.attempts})` : ''}
        {st.state === 'open' && st.syncing ? ' · syncing…' : ''}
        {st.syncError ? ' · sync failed' : ''}
      </span>
      <span className="fd-status-item" data-testid="status-rate">
        {fmt(st.eventsPerS)} events/s
      </span>
      <span className={`fd-status-item${openViolations > 0 ? ' fd-status-warn' : ''}`} data-testid="status-violations">
        {fmt(openViolations)} open violation{openViolations === 1 ? '' : 's'}
      </span>
      <span className={`fd-status-item${staleEngines > 0 ? ' fd-status-warn' : ''}`} data-testid="status-stale">
        {fmt(staleEngines)} stale engine{staleEngines === 1 ? '' : 's'}
      </span>
      <span className="fd-status-item" data-testid="status-dropped" title="Events dropped by the host under overload / evicted by this window's 200,000-event buffer">
        dropped: host {fmt(st.droppedByHost)} · buffer {fmt(st.droppedByClient)}
        {st.missedBatches > 0 ? ` · ${fmt(st.missedBatches)} batches lost` : ''}
      </span>
      <span className="fd-status-item" data-testid="status-queue">
        host queue {st.queue}
      </span>
      <span className="fd-status-item fd-status-hint" data-testid="status-hint">
        {typing ? 'Typing in a field: Esc leaves it, then the shortcut keys work' : 'Press ? for shortcuts'}
      </span>
    </footer>
  );
}
