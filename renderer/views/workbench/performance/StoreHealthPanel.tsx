import { useRef, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { formatCount, formatMs } from '../../common/format';
import { KpiTile, Panel } from '../common/Panel';
import { useWhileVisible } from '../common/use-while-visible';
import { formatBytes } from '../sessions/session-status';

const HEALTH_POLL_MS = 1500;
/** Lag beyond this (ms) is more than a couple of write batches: worth a warning. */
const LAG_WARN_MS = 500;

/** How the session store keeps up with the bus (`sessions.list().store`), polled while on screen. */
export function StoreHealthPanel(): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const { store, loadedAt, error, refresh, connected } = useFlightdeck(
    useShallow((s) => ({ store: s.sessions.store, loadedAt: s.sessions.loadedAt, error: s.sessions.error, refresh: s.sessions.refresh, connected: s.connection.info.state === 'open' }))
  );
  useWhileVisible(ref, () => {
    if (connected) void refresh();
  }, HEALTH_POLL_MS);
  const meta = error ? <span className="wb-error-text">{error}</span> : store ? <span className="wb-mono">{store.path}</span> : loadedAt > 0 ? 'this host records nothing' : 'loading…';
  return (
    <Panel title="Session store" meta={meta} testId="perf-store">
      <div className="wb-kpis" ref={ref}>
        <KpiTile label="Size" value={store ? formatBytes(store.dbBytes) : '—'} testId="store-size" />
        <KpiTile label="Committed seq" value={store ? formatCount(store.committedSeq) : '—'} testId="store-committed" />
        <KpiTile label="Events/s" value={store ? formatCount(store.eventsPerSec) : '—'} testId="store-rate" />
        <KpiTile label="Lag (events)" value={store ? formatCount(store.lagEvents) : '—'} tone={store && store.lagMs > LAG_WARN_MS ? 'warn' : undefined} testId="store-lag-events" />
        <KpiTile label="Lag" value={store ? formatMs(store.lagMs) : '—'} tone={store && store.lagMs > LAG_WARN_MS ? 'warn' : undefined} testId="store-lag-ms" />
        <KpiTile label="Failures" value={store ? formatCount(store.failures) : '—'} tone={store?.failures ? 'warn' : undefined} testId="store-failures" />
        <KpiTile label="Lost events" value={store ? formatCount(store.lostEvents) : '—'} tone={store?.lostEvents ? 'error' : undefined} testId="store-lost" />
      </div>
      {store?.lastError && (
        <p className="wb-note wb-note--warning" role="alert">
          Last store error: {store.lastError}
        </p>
      )}
    </Panel>
  );
}
