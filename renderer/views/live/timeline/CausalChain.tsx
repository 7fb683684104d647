import { useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { laneColor } from '../common/engine-style';
import { formatMs } from '../../common/format';
import { buildCausalTree } from './causal-tree';
import { criticalPath } from './critical-path';

/**
 * Every event of the selected event's correlation (host history merged with the buffer) as a
 * tree by cause, with each row's offset from the root, its wait in the bus queue and, where the
 * event reports it, its handler time drawn as a bar on a shared time axis (Jaeger-like). The
 * critical path (the causes of the event published last) is drawn apart and marked in text,
 * and the engine whose hops took most of the time is named. Clicking a row selects it.
 */
export function CausalChain({ correlationId }: { correlationId: string }): ReactElement {
  const { chain, selectedId, selectEvent, load } = useFlightdeck(
    useShallow((s) => ({
      chain: s.causalChain,
      selectedId: s.selection.eventId,
      selectEvent: s.selection.selectEvent,
      load: s.causalChain.load
    }))
  );
  const events = chain.correlationId === correlationId ? chain.events : null;
  const rows = useMemo(() => buildCausalTree(events ?? []), [events]);
  const spanMs = Math.max(1, ...rows.map((r) => r.offsetMs));
  const critical = useMemo(() => criticalPath(rows), [rows]);
  const onCriticalPath = useMemo(() => new Set(critical?.eventIds), [critical]);

  return (
    <div className="tl-chain">
      <div className="tl-section-bar">
        <span className="tl-note">
          {rows.length} event{rows.length === 1 ? '' : 's'} · {formatMs(spanMs)} span
          {chain.loading && chain.correlationId === correlationId ? ' · loading history…' : ''}
          {chain.error ? ` · ${chain.error}` : ''}
        </span>
        <button type="button" className="fd-button fd-button--small" onClick={() => void load(correlationId)}>
          Refresh
        </button>
      </div>
      {critical && (
        <p className="tl-critical-summary" data-testid="critical-path-summary">
          Critical path: {critical.eventIds.length} hop{critical.eventIds.length === 1 ? '' : 's'} to +{formatMs(critical.totalMs)} ({formatMs(critical.workMs)}{' '}
          of queue wait and handler time) · <strong>bounded by {critical.boundingEngine}: {formatMs(critical.boundingMs)} of {formatMs(critical.totalMs)}</strong>
        </p>
      )}
      <div className="tl-chain-rows" role="tree" aria-label="Causal chain">
        {rows.map((row) => {
          const leftPct = (Math.max(0, row.offsetMs - (row.durationMs ?? 0)) / spanMs) * 100;
          const widthPct = row.durationMs === null ? 0 : Math.max(0.6, (row.durationMs / spanMs) * 100);
          return (
            <div
              key={row.event.eventId}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-selected={row.event.eventId === selectedId}
              tabIndex={0}
              className={`tl-chain-row${row.event.eventId === selectedId ? ' tl-chain-row--selected' : ''}${onCriticalPath.has(row.event.eventId) ? ' tl-chain-row--critical' : ''}`}
              data-critical={onCriticalPath.has(row.event.eventId) || undefined}
              data-event-type={row.event.eventType}
              onClick={() => selectEvent(row.event.eventId, row.event)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  selectEvent(row.event.eventId, row.event);
                }
              }}
            >
              <span className="tl-chain-name" style={{ paddingLeft: `${row.depth * 14}px` }}>
                <span className="tl-source-dot" style={{ background: laneColor(row.event.sourceEngine) }} aria-hidden="true" />
                <span className="tl-chain-source">{row.event.sourceEngine}</span> {row.event.eventType}
                {row.orphan && <span className="tl-chain-orphan"> (cause not in history)</span>}
                {onCriticalPath.has(row.event.eventId) && <span className="tl-chain-critical-mark"> ◆ critical</span>}
              </span>
              <span className="tl-chain-offset">+{formatMs(row.offsetMs)}</span>
              <span className="tl-chain-wait" title="time waiting in the bus queue">
                {row.queueWaitMs === null ? '' : `wait ${formatMs(row.queueWaitMs)}`}
              </span>
              <span className="tl-chain-duration">{row.durationMs === null ? '' : formatMs(row.durationMs)}</span>
              <span className="tl-chain-axis" aria-hidden="true">
                <span className="tl-chain-tick" style={{ left: `${(row.offsetMs / spanMs) * 100}%` }} />
                {row.durationMs !== null && <span className="tl-chain-bar" style={{ left: `${leftPct}%`, width: `${widthPct}%` }} />}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
