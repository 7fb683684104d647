import type { ReactElement } from 'react';
import type { RowComponentProps } from 'react-window';
import { liveBuffer } from '../../../store/live';
import { ENGINE_IDS, laneColor } from '../common/engine-style';
import { formatClock } from '../../common/format';
import { formatRoute, shortId, summarizeEvent } from '../common/event-format';

/** What every row receives besides its index (a new `version` re-renders the visible rows). */
export interface EventRowProps {
  version: number;
  selectedId: string | null;
  swimlanes: boolean;
  onSelect(eventId: string): void;
}

/** DOM id of an event's row (for aria-activedescendant). */
export function rowDomId(eventId: string): string {
  return `tl-row-${eventId}`;
}

function Lanes({ source, targets }: { source: string; targets: readonly string[] }): ReactElement {
  return (
    <span className="tl-lanes" aria-hidden="true">
      {ENGINE_IDS.map((engine) => (
        <span
          key={engine}
          className={`tl-lane${engine === source ? ' tl-lane--source' : targets.includes(engine) ? ' tl-lane--target' : ''}`}
          style={{ color: laneColor(engine) }}
        />
      ))}
    </span>
  );
}

/** One timeline row: time, priority, type, route, correlation and a one-line summary. */
export function EventRow({ index, style, selectedId, swimlanes, onSelect }: RowComponentProps<EventRowProps>): ReactElement | null {
  const event = liveBuffer.visibleAt(index);
  if (!event) return <div style={style} className="tl-row" role="option" aria-selected={false} />;
  const selected = event.eventId === selectedId;
  return (
    <div
      id={rowDomId(event.eventId)}
      style={style}
      role="option"
      aria-selected={selected}
      className={`tl-row${selected ? ' tl-row--selected' : ''}${swimlanes ? ' tl-row--lanes' : ''}`}
      data-event-type={event.eventType}
      onClick={() => onSelect(event.eventId)}
    >
      {swimlanes && <Lanes source={event.sourceEngine} targets={event.targetEngines ?? []} />}
      <span className="tl-cell tl-time">{formatClock(event.timestamp)}</span>
      <span className="tl-cell">
        <span className={`tl-priority tl-priority--${event.priority.toLowerCase()}`}>{event.priority}</span>
      </span>
      <span className="tl-cell tl-type">{event.eventType}</span>
      <span className="tl-cell tl-route">
        <span className="tl-source-dot" style={{ background: laneColor(event.sourceEngine) }} aria-hidden="true" />
        {formatRoute(event)}
      </span>
      <span className="tl-cell tl-corr" title={event.correlationId}>
        {shortId(event.correlationId)}
      </span>
      <span className="tl-cell tl-summary">{summarizeEvent(event)}</span>
    </div>
  );
}
