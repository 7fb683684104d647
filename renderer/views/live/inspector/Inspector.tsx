import { useEffect, useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { StaleEngine } from '../../../../shared/consistency';
import { useFlightdeck } from '../../../store';
import { liveBuffer } from '../../../store/live';
import { ENGINE_IDS, engineLabel, STATUS_STYLE } from '../common/engine-style';
import { formatClock, formatMs, summarizeEvent } from '../common/event-format';
import { JsonTree } from '../common/JsonTree';
import { useThrottledSnapshot } from '../common/use-throttled-snapshot';
import './inspector.css';

const RECENT_EVENTS = 12;
const ENGINE_SET: ReadonlySet<string> = new Set(ENGINE_IDS);
/** Lists read from the event buffer refresh at most this often. */
const BUFFER_REFRESH_MS = 500;
const readVersion = (): number => useFlightdeck.getState().timeline.version;
/** Details reload at most this often while the engine's status keeps changing. */
const DETAILS_THROTTLE_MS = 500;

/** Reloads the engine's details when selected and (throttled) when its status changes. */
function useEngineDetails(engineId: string): void {
  const { loadDetails, statusKey } = useFlightdeck(
    useShallow((s) => {
      const status = s.engines.statuses.find((e) => e.engineId === engineId);
      return {
        loadDetails: s.inspector.loadDetails,
        statusKey: status ? `${status.status}:${status.computedVersion}:${status.restarts}` : ''
      };
    })
  );
  useEffect(() => {
    const timer = setTimeout(() => void loadDetails(engineId), DETAILS_THROTTLE_MS);
    return () => clearTimeout(timer);
  }, [engineId, statusKey, loadDetails]);
  useEffect(() => {
    void loadDetails(engineId);
  }, [engineId, loadDetails]);
}

/** Epoch milliseconds print as a clock time; monotonic clock values cannot. */
function when(at: number): string {
  return at > 1e12 ? ` at ${formatClock(at)}` : '';
}

function StaleChain({ stale }: { stale: StaleEngine }): ReactElement {
  return (
    <>
      <p className="in-note">
        Stale{when(stale.since)}: {stale.reason}
      </p>
      <ol className="in-stale">
        {stale.chain.map((hop, i) => (
          <li key={`${hop.eventId}-${i}`}>
            <strong>{hop.engineId}</strong> stale because <strong>{hop.fromEngine}</strong> changed{' '}
            {hop.fields.length > 0 ? <span className="in-mono">{hop.fields.join(', ')}</span> : 'its outputs'} via rule{' '}
            <span className="in-mono">{hop.ruleId}</span>
            {when(hop.at)}
          </li>
        ))}
      </ol>
    </>
  );
}

function EngineInspector({ engineId }: { engineId: string }): ReactElement {
  useEngineDetails(engineId);
  const s = useFlightdeck(
    useShallow((st) => ({
      details: st.inspector.engineId === engineId ? st.inspector.details : null,
      loading: st.inspector.loading,
      error: st.inspector.error,
      restarting: st.inspector.restarting,
      restartMessage: st.inspector.restartMessage,
      restart: st.inspector.restart,
      status: st.engines.statuses.find((e) => e.engineId === engineId) ?? null,
      violations: st.violations.open,
      stale: st.violations.stale.find((x) => x.engineId === engineId) ?? null,
      selectEngine: st.selection.selectEngine,
      selectEvent: st.selection.selectEvent
    }))
  );
  const version = useThrottledSnapshot(readVersion, BUFFER_REFRESH_MS);
  const openViolations = useMemo(
    () => Object.values(s.violations).filter((v) => v.sourceEngine === engineId || v.dependentEngine === engineId),
    [s.violations, engineId]
  );
  // Re-read when the buffer changed, at most twice a second.
  const recent = useMemo(
    () =>
      version >= 0
        ? liveBuffer.newestWhere((e) => e.sourceEngine === engineId || (e.targetEngines ?? []).includes(engineId), RECENT_EVENTS)
        : [],
    [engineId, version]
  );
  const status = s.status?.status ?? s.details?.status.status;
  const style = status ? STATUS_STYLE[status] : null;
  const d = s.details;

  return (
    <div className="in-body" data-testid="inspector-engine" data-engine={engineId}>
      <header className="in-header">
        <h2 className="in-title">{engineLabel(engineId)}</h2>
        {style && (
          <span className="in-status" style={{ color: style.color }} data-testid="inspector-status">
            <span aria-hidden="true">{style.icon}</span> {style.label}
          </span>
        )}
        <div className="in-actions">
          <button type="button" className="fd-button" disabled={s.restarting} onClick={() => void s.restart(engineId)}>
            {s.restarting ? 'Restarting…' : 'Restart engine'}
          </button>
          <button type="button" className="fd-icon-button" aria-label="Close inspector" onClick={() => s.selectEngine(null)}>
            ✕
          </button>
        </div>
      </header>
      {s.restartMessage && (
        <p className="in-note" role="status">
          {s.restartMessage}
        </p>
      )}
      {s.error && <p className="in-error">Could not load details: {s.error}</p>}
      {!d && !s.error && <p className="in-note">{s.loading ? 'Loading details…' : 'No details yet.'}</p>}
      {d && (
        <>
          <dl className="in-facts">
            <dt>Capabilities</dt>
            <dd>
              {d.status.capabilities.map((c) => (
                <span key={c} className="in-chip">
                  {c}
                </span>
              ))}
            </dd>
            <dt>Depends on</dt>
            <dd>{d.dependencies.length > 0 ? d.dependencies.join(', ') : '— (a root engine)'}</dd>
            <dt>Dependents</dt>
            <dd>{d.dependents.length > 0 ? d.dependents.join(', ') : '—'}</dd>
            <dt>Versions</dt>
            <dd>
              computed v{d.status.computedVersion} · cache v{d.cached?.version ?? '—'} (config v{d.cached?.configVersion ?? '—'})
            </dd>
            <dt>Restarts</dt>
            <dd data-testid="inspector-restarts">{d.status.restarts}</dd>
            <dt>Latency</dt>
            <dd>
              last {formatMs(s.status?.lastDurationMs ?? d.status.lastDurationMs)}
              {d.latency && d.latency.windowSize > 0
                ? ` · p50 ${formatMs(d.latency.p50Ms)} · p95 ${formatMs(d.latency.p95Ms)} · p99 ${formatMs(d.latency.p99Ms)} (${d.latency.windowSize} deliveries)`
                : ' · no deliveries measured yet'}
            </dd>
            {d.status.lastError && (
              <>
                <dt>Last error</dt>
                <dd className="in-error">{d.status.lastError}</dd>
              </>
            )}
          </dl>

          <section className="in-section" aria-label="Staleness">
            <h3 className="in-section-title">Staleness</h3>
            {s.stale ? <StaleChain stale={s.stale} /> : <p className="in-note">Up to date with its dependencies.</p>}
          </section>

          <section className="in-section" aria-label="Open violations">
            <h3 className="in-section-title">Open violations ({openViolations.length})</h3>
            {openViolations.length === 0 ? (
              <p className="in-note">None.</p>
            ) : (
              <ul className="in-violations">
                {openViolations.map((v) => (
                  <li key={v.violationId}>
                    <span className={`in-severity in-severity--${v.severity}`}>{v.severity}</span> <span className="in-mono">{v.ruleId}</span>{' '}
                    {v.sourceEngine} → {v.dependentEngine}
                    {v.field ? ` · ${v.field}` : ''}: {v.message}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="in-section" aria-label="Cached outputs">
            <h3 className="in-section-title">Cached outputs</h3>
            {d.cached ? (
              <>
                <p className="in-note">
                  version {d.cached.version} · config v{d.cached.configVersion ?? '—'} · updated {formatClock(d.cached.updatedAt)}
                </p>
                <JsonTree value={d.cached.data} label="outputs" openDepth={1} />
              </>
            ) : (
              <p className="in-note">Nothing cached yet.</p>
            )}
          </section>
        </>
      )}

      <section className="in-section" aria-label="Recent events">
        <h3 className="in-section-title">Recent events</h3>
        {recent.length === 0 ? (
          <p className="in-note">No events from or to this engine in the buffer.</p>
        ) : (
          <ul className="in-events">
            {recent.map((e) => (
              <li key={e.eventId}>
                <button type="button" className="in-event" onClick={() => s.selectEvent(e.eventId, e)}>
                  <span className="in-mono">{formatClock(e.timestamp)}</span> <strong>{e.eventType}</strong>{' '}
                  <span className="in-dim">{summarizeEvent(e)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Overview(): ReactElement {
  const tick = useThrottledSnapshot(readVersion, BUFFER_REFRESH_MS);
  const { statuses, selectEngine, selectEvent, openCount, staleCount } = useFlightdeck(
    useShallow((s) => ({
      statuses: s.engines.statuses,
      selectEngine: s.selection.selectEngine,
      selectEvent: s.selection.selectEvent,
      openCount: Object.keys(s.violations.open).length,
      staleCount: s.violations.stale.length
    }))
  );
  // Engine activity only (not the monitor's or the load generator's), re-read at most twice a second.
  const recent = useMemo(
    () => (tick >= 0 ? liveBuffer.newestWhere((e) => ENGINE_SET.has(e.sourceEngine), RECENT_EVENTS) : []),
    [tick]
  );
  return (
    <div className="in-body">
      <h2 className="in-title">Inspector</h2>
      <p className="in-note">Select an engine in the graph (or below) to see its outputs, latency, staleness and events.</p>
      <ul className="in-overview">
        {statuses.map((e) => {
          const style = STATUS_STYLE[e.status];
          return (
            <li key={e.engineId}>
              <button type="button" className="in-event" onClick={() => selectEngine(e.engineId)}>
                <strong>{engineLabel(e.engineId)}</strong>
                <span style={{ color: style.color }}>
                  <span aria-hidden="true">{style.icon}</span> {style.label}
                </span>
                <span className="in-dim">
                  v{e.computedVersion} · {formatMs(e.lastDurationMs)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="in-note">
        {openCount} open violation{openCount === 1 ? '' : 's'} · {staleCount} stale engine{staleCount === 1 ? '' : 's'}
      </p>
      <section className="in-section" aria-label="Recent engine activity">
        <h3 className="in-section-title">Recent engine activity</h3>
        {recent.length === 0 ? (
          <p className="in-note">No engine events yet.</p>
        ) : (
          <ul className="in-events">
            {recent.map((e) => (
              <li key={e.eventId}>
                <button type="button" className="in-event" onClick={() => selectEvent(e.eventId, e)}>
                  <span className="in-mono">{formatClock(e.timestamp)}</span> <strong>{e.sourceEngine}</strong> {e.eventType}{' '}
                  <span className="in-dim">{summarizeEvent(e)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Details of the selected engine, or an overview of all engines when none is selected. */
export function Inspector(): ReactElement {
  const engineId = useFlightdeck((s) => s.selection.engineId);
  return (
    <section className="in-view" aria-label="Inspector">
      {engineId ? <EngineInspector key={engineId} engineId={engineId} /> : <Overview />}
    </section>
  );
}
