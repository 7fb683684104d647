import type { ReactElement } from 'react';
import type { RowComponentProps } from 'react-window';
import { useFlightdeck } from '../../../store';
import { timelineRowAt } from '../../../store/history/history-slice';
import { ENGINE_IDS, laneColor } from '../common/engine-style';
import { formatClock } from '../../common/format';
import { formatRoute, shortId, summarizeEvent } from '../common/event-format';

/** What every row receives besides its index (a new `version` re-renders the visible rows). */
export interface EventRowProps {
  version: number;
  selectedId: string | null;
  /** The event the views show the state as of (null: live). */
  viewedSeq: number | null;
  swimlanes: boolean;
  /** `compare`: shift-click, to compare the event with the one selected. */
  onSelect(eventId: string, index: number, compare: boolean): void;
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
export function EventRow({ index, style, selectedId, viewedSeq, swimlanes, onSelect }: RowComponentProps<EventRowProps>): ReactElement | null {
  const event = timelineRowAt(useFlightdeck.getState(), index);
  if (!event) return <div style={style} className="tl-row" role="option" aria-selected={false} />;
  const selected = event.eventId === selectedId;
  const viewed = event.seq === viewedSeq;
  return (
    <div
      id={rowDomId(event.eventId)}
      style={style}
      role="option"
      aria-selected={selected}
      aria-current={viewed ? 'step' : undefined}
      className={`tl-row${selected ? ' tl-row--selected' : ''}${viewed ? ' tl-row--viewed' : ''}${swimlanes ? ' tl-row--lanes' : ''}`}
      data-event-type={event.eventType}
      data-seq={event.seq}
      onClick={(e) => onSelect(event.eventId, index, e.shiftKey)}
    >
      {swimlanes && <Lanes source={event.sourceEngine} targets={event.targetEngines ?? []} />}
      <span className="tl-cell tl-seq">#{event.seq}</span>
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
