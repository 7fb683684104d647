import { useEffect, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { EMPTY_FILTERS } from '../../../store/live';
import { JsonTree } from '../common/JsonTree';
import { formatClock, formatMs } from '../../common/format';
import { formatRoute } from '../common/event-format';
import { CausalChain } from './CausalChain';
import { CompareBar } from './CompareBar';
import { ConfigDiff } from './ConfigDiff';
import { OutputChanges } from './OutputChanges';

/** The selected event: identity, comparison with a marked one, configuration or output diff, causal chain and payload. */
export function EventDetail(): ReactElement | null {
  const { event, selectEvent, loadChain, chainCorrelation, setFilters } = useFlightdeck(
    useShallow((s) => ({
      event: s.selection.event,
      selectEvent: s.selection.selectEvent,
      loadChain: s.causalChain.load,
      chainCorrelation: s.causalChain.correlationId,
      setFilters: s.timeline.setFilters
    }))
  );
  const correlationId = event?.correlationId ?? null;
  useEffect(() => {
    if (correlationId !== null && correlationId !== chainCorrelation) void loadChain(correlationId);
  }, [correlationId, chainCorrelation, loadChain]);

  if (!event) return null;
  return (
    <section className="tl-detail" aria-label="Event details">
      <header className="tl-detail-header">
        <div className="tl-detail-title">
          <span className={`tl-priority tl-priority--${event.priority.toLowerCase()}`}>{event.priority}</span>
          <h2 className="tl-detail-type">{event.eventType}</h2>
          <span className="tl-note">{formatRoute(event)}</span>
          <span className="tl-note tl-mono">{formatClock(event.timestamp)}</span>
        </div>
        <button type="button" className="fd-icon-button" aria-label="Close event details" onClick={() => selectEvent(null)}>
          ✕
        </button>
      </header>
      {/* Keyed by event: a newly selected event opens at its top. */}
      <div className="tl-detail-body" key={event.eventId}>
        <dl className="tl-ids">
          <dt>Event</dt>
          <dd className="tl-mono">{event.eventId}</dd>
          <dt>Correlation</dt>
          <dd className="tl-mono">
            {event.correlationId}{' '}
            {/* The whole chain: a type or engine filter left on would hide most of it. */}
            <button type="button" className="tl-link" onClick={() => setFilters({ ...EMPTY_FILTERS, correlationId: event.correlationId })}>
              show only this chain
            </button>
          </dd>
          <dt>Caused by</dt>
          <dd className="tl-mono">{event.causationId ?? '— (root of its chain)'}</dd>
          <dt>Log position</dt>
          <dd className="tl-mono">
            #{event.seq} · configuration v{event.configVersion}
            {event.queueWaitMs === undefined ? '' : ` · waited ${formatMs(event.queueWaitMs)} in the bus queue`}
          </dd>
        </dl>
        <CompareBar event={event} />
        {event.eventType === 'configuration_changed' && (
          <section className="tl-section" aria-label="Configuration diff">
            <h3 className="tl-section-title">Configuration diff</h3>
            <ConfigDiff event={event} />
          </section>
        )}
        {event.eventType === 'engine_output' && (
          <section className="tl-section" aria-label="Changed outputs">
            <h3 className="tl-section-title">Changed outputs</h3>
            <OutputChanges event={event} />
          </section>
        )}
        <section className="tl-section" aria-label="Causal chain">
          <h3 className="tl-section-title">Causal chain</h3>
          <CausalChain correlationId={event.correlationId} />
        </section>
        <section className="tl-section" aria-label="Payload">
          <h3 className="tl-section-title">Payload</h3>
          <JsonTree value={event.data} label="data" openDepth={1} />
        </section>
      </div>
    </section>
  );
}
