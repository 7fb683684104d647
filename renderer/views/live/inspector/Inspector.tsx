import { useEffect, useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { currentVersion, deadLettersOf, engineStatus, type Supervision } from '../../../../shared/projection';
import { useFlightdeck, useSession } from '../../../store';
import { liveBuffer } from '../../../store/live';
import { liveEventsUpTo } from '../../../store/viewed';
import {
  selectConditionFacts,
  selectEngineGraph,
  selectEngineReports,
  selectOpenViolations,
  selectStaleEngines,
  selectSupervisions,
  selectWorkersByEngine
} from '../../../store/session/selectors';
import { formatClock, formatMs } from '../../common/format';
import { ConditionText } from '../common/ConditionText';
import { conditionLine } from '../common/engine-condition';
import { ENGINE_IDS, engineLabel, STATUS_STYLE } from '../common/engine-style';
import { summarizeEvent } from '../common/event-format';
import { JsonTree } from '../common/JsonTree';
import { useThrottledSnapshot } from '../common/use-throttled-snapshot';
import { StaleChain } from './StaleChain';
import { SupervisionNotice } from './SupervisionNotice';
import './inspector.css';
import { useReadOnlyReason } from '../../common/use-read-only';

const RECENT_EVENTS = 12;
const ENGINE_SET: ReadonlySet<string> = new Set(ENGINE_IDS);
/** Lists read from the event buffer refresh at most this often. */
const BUFFER_REFRESH_MS = 500;
const readVersion = (): number => useFlightdeck.getState().timeline.version;
/** Supervisor notices that state the engine's last failure. */
const REASON_SHOWN: ReadonlySet<Supervision['kind']> = new Set(['given-up', 'retry-pending', 'failed']);

/** Latency reloads at most this often while the engine keeps publishing outputs. */
const LATENCY_THROTTLE_MS = 500;

/** Reloads the engine's latency when it is selected and (throttled) after each of its outputs. */
function useEngineLatency(engineId: string): void {
  const loadLatency = useFlightdeck((s) => s.inspector.loadLatency);
  const outputEventId = useSession((s) => s.engines[engineId]?.outputEventId ?? null);
  useEffect(() => {
    const timer = setTimeout(() => void loadLatency(engineId), LATENCY_THROTTLE_MS);
    return () => clearTimeout(timer);
  }, [engineId, outputEventId, loadLatency]);
  useEffect(() => {
    void loadLatency(engineId);
  }, [engineId, loadLatency]);
}

function armedFaults(faults: { slowMs: number; failuresLeft: number }): string {
  const armed: string[] = [];
  if (faults.slowMs > 0) armed.push(`slow ${faults.slowMs} ms`);
  if (faults.failuresLeft > 0) armed.push(`fail next ${faults.failuresLeft}`);
  return armed.length > 0 ? armed.join(', ') : 'none';
}

function EngineInspector({ engineId }: { engineId: string }): ReactElement {
  const readOnly = useReadOnlyReason();
  useEngineLatency(engineId);
  const { engine, status, stale, version, supervision, deadLetters } = useSession(
    useShallow((state) => ({
      engine: state.engines[engineId],
      status: engineStatus(state, engineId),
      stale: selectStaleEngines(state).find((e) => e.engineId === engineId) ?? null,
      version: currentVersion(state),
      supervision: selectSupervisions(state)[engineId]?.kind ?? 'none',
      deadLetters: deadLettersOf(state, engineId).length
    }))
  );
  const open = useSession(selectOpenViolations);
  const graph = useSession(selectEngineGraph);
  const workers = useSession(selectWorkersByEngine)[engineId] ?? [];
  const s = useFlightdeck(
    useShallow((st) => ({
      latency: st.inspector.engineId === engineId ? st.inspector.latency : null,
      error: st.inspector.error,
      acting: st.inspector.acting,
      actionMessage: st.inspector.actionMessage,
      restart: st.inspector.restart,
      recompute: st.inspector.recompute,
      selectEngine: st.selection.selectEngine,
      selectEvent: st.selection.selectEvent,
      setActiveTab: st.layout.setActiveTab,
      follows: st.graph.timelineFollowsSelection,
      setFollows: st.graph.setTimelineFollowsSelection
    }))
  );
  const tick = useThrottledSnapshot(readVersion, BUFFER_REFRESH_MS);
  const upTo = useFlightdeck(liveEventsUpTo);
  const openViolations = useMemo(() => open.filter((v) => v.sourceEngine === engineId || v.dependentEngine === engineId), [open, engineId]);
  const dependents = useMemo(() => graph.edges.filter((e) => e.to === engineId).map((e) => e.from), [graph, engineId]);
  // Re-read when the buffer changed, at most twice a second.
  const recent = useMemo(
    () =>
      tick >= 0
        ? liveBuffer.newestWhere((e) => e.seq <= upTo && (e.sourceEngine === engineId || (e.targetEngines ?? []).includes(engineId)), RECENT_EVENTS)
        : [],
    [engineId, tick, upTo]
  );
  const style = STATUS_STYLE[status];

  return (
    <div className="in-body" data-testid="inspector-engine" data-engine={engineId}>
      <header className="in-header">
        <h2 className="in-title">{engineLabel(engineId)}</h2>
        <span className="in-status" style={{ color: style.color }} data-testid="inspector-status">
          <span aria-hidden="true">{style.icon}</span> {style.label}
        </span>
        <div className="in-actions">
          {/* A given-up engine's Restart sits with the supervisor's reason, below. */}
          {supervision !== 'given-up' && (
            <button type="button" className="fd-button" disabled={s.acting || readOnly !== null} title={readOnly ?? undefined} onClick={() => void s.restart(engineId)}>
              {s.acting ? 'Working…' : 'Restart engine'}
            </button>
          )}
          <button type="button" className="fd-button" disabled={s.acting || readOnly !== null} onClick={() => void s.recompute(engineId)} title={readOnly ?? 'Invalidate this engine and recompute it'}>
            Recompute
          </button>
          <button
            type="button"
            className="fd-button"
            aria-pressed={s.follows}
            title="The timeline shows only the selected engine's events (and follows the selection)"
            onClick={() => s.setFollows(!s.follows)}
          >
            Its events
          </button>
          <button type="button" className="fd-icon-button" aria-label="Close inspector" onClick={() => s.selectEngine(null)}>
            ✕
          </button>
        </div>
      </header>
      {s.actionMessage && (
        <p className="in-note" role="status">
          {s.actionMessage}
        </p>
      )}
      <SupervisionNotice engineId={engineId} />
      {!engine ? (
        <p className="in-note">This engine is not part of the session.</p>
      ) : (
        <>
          <dl className="in-facts">
            <dt>Capabilities</dt>
            <dd>
              {engine.capabilities.map((c) => (
                <span key={c} className="in-chip">
                  {c}
                </span>
              ))}
            </dd>
            <dt>Depends on</dt>
            <dd>{engine.dependsOn.length > 0 ? engine.dependsOn.join(', ') : '— (a root engine)'}</dd>
            <dt>Dependents</dt>
            <dd>{dependents.length > 0 ? dependents.join(', ') : '—'}</dd>
            <dt>Versions</dt>
            <dd data-testid="inspector-versions">
              computed v{engine.computedVersion} · configuration v{version}
            </dd>
            <dt>Restarts</dt>
            <dd data-testid="inspector-restarts">{engine.restarts}</dd>
            <dt>Armed faults</dt>
            <dd>{armedFaults(engine.faults)}</dd>
            <dt>Computes</dt>
            <dd data-testid="inspector-workers">
              {!engine.remote
                ? 'in process'
                : workers.length === 0
                  ? 'on worker processes (NATS): none alive, its computations wait for one'
                  : `on ${workers.length} worker process${workers.length === 1 ? '' : 'es'} (NATS): ${workers.map((w) => `${w.workerId} since ${formatClock(w.joinedAt, 's')}`).join(', ')}`}
            </dd>
            <dt>Latency</dt>
            <dd>
              last {formatMs(engine.lastDurationMs)}
              {s.latency && s.latency.windowSize > 0
                ? ` · p50 ${formatMs(s.latency.p50Ms)} · p95 ${formatMs(s.latency.p95Ms)} · p99 ${formatMs(s.latency.p99Ms)} (${s.latency.windowSize} deliveries)`
                : ' · no deliveries measured yet'}
              {s.error && <span className="in-error"> · latency unavailable: {s.error}</span>}
            </dd>
            {/* The supervisor's notice above already gives a failure's reason. */}
            {engine.lastError && !REASON_SHOWN.has(supervision) && (
              <>
                <dt>Last error</dt>
                <dd className="in-error">{engine.lastError}</dd>
              </>
            )}
            {deadLetters > 0 && (
              <>
                <dt>Dead letters</dt>
                <dd data-testid="inspector-dead-letters">
                  {deadLetters} event{deadLetters === 1 ? '' : 's'} its handler failed on{' '}
                  <button type="button" className="in-link" onClick={() => s.setActiveTab('deadletters')}>
                    Show
                  </button>
                </dd>
              </>
            )}
          </dl>

          <section className="in-section" aria-label="Staleness">
            <h3 className="in-section-title">Staleness</h3>
            {stale ? <StaleChain stale={stale} /> : <p className="in-note">Up to date with its dependencies.</p>}
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

          <section className="in-section" aria-label="Outputs">
            <h3 className="in-section-title">Outputs</h3>
            {engine.outputs ? (
              <>
                <p className="in-note">
                  configuration v{engine.computedVersion}
                  {engine.computedVersion < version ? ` (the configuration is v${version})` : ''}
                  {engine.outputAt !== null ? ` · published ${formatClock(engine.outputAt)}` : ''}
                </p>
                <JsonTree value={engine.outputs} label="outputs" openDepth={1} />
              </>
            ) : (
              <p className="in-note">Nothing computed yet.</p>
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
  const upTo = useFlightdeck(liveEventsUpTo);
  const statuses = useSession(selectEngineReports);
  const conditions = useSession(selectConditionFacts);
  const openCount = useSession(selectOpenViolations).length;
  const staleCount = useSession(selectStaleEngines).length;
  const { selectEngine, selectEvent } = useFlightdeck(
    useShallow((s) => ({ selectEngine: s.selection.selectEngine, selectEvent: s.selection.selectEvent }))
  );
  // Engine activity only (not the monitor's or the load generator's), re-read at most twice a second.
  const recent = useMemo(
    () => (tick >= 0 ? liveBuffer.newestWhere((e) => e.seq <= upTo && ENGINE_SET.has(e.sourceEngine), RECENT_EVENTS) : []),
    [tick, upTo]
  );
  return (
    <div className="in-body">
      <h2 className="in-title">Inspector</h2>
      <p className="in-note">Select an engine in the graph (or below) to see its outputs, latency, staleness and events.</p>
      <ul className="in-overview">
        {statuses.map((e) => {
          const style = STATUS_STYLE[e.status];
          const facts = conditions[e.engineId];
          return (
            <li key={e.engineId}>
              <button type="button" className="in-event" onClick={() => selectEngine(e.engineId)} data-testid={`overview-${e.engineId}`}>
                <strong>{engineLabel(e.engineId)}</strong>
                <span style={{ color: style.color }}>
                  <span aria-hidden="true">{style.icon}</span> {style.label}
                </span>
                <span className="in-overview-condition">{facts && <ConditionText line={conditionLine(facts)} />}</span>
                <span className="in-dim in-overview-latency">{formatMs(e.lastDurationMs)}</span>
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
