import type { ReactElement } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { formatCount } from '../../common/format';
import { EventDetail } from './EventDetail';
import { EventList } from './EventList';
import { FilterBar } from './FilterBar';
import './timeline.css';
import './timeline-detail.css';

const SPLIT_ID = 'timeline-split';

function Toolbar(): ReactElement {
  const t = useFlightdeck(
    useShallow((s) => ({
      visible: s.timeline.visibleCount,
      held: s.timeline.heldCount,
      filtering: s.timeline.filtering,
      paused: s.timeline.paused,
      newWhilePaused: s.timeline.newWhilePaused,
      swimlanes: s.layout.swimlanes,
      viewing: s.viewed.opened !== null || s.viewed.at !== null,
      setPaused: s.timeline.setPaused,
      setSwimlanes: s.layout.setSwimlanes
    }))
  );
  return (
    <div className="tl-toolbar">
      <span className="tl-count" aria-live="off" data-testid="timeline-count">
        {t.visible === t.held ? formatCount(t.held) : `${formatCount(t.visible)} of ${formatCount(t.held)}`}
        {t.held === 1 ? ' event' : ' events'}
        {t.filtering ? ' · filtering…' : ''}
      </span>
      <HistoryStatus />
      {t.viewing ? (
        <span className="tl-following">Showing the viewed event (press Live to follow)</span>
      ) : t.paused ? (
        <>
          <span className="tl-new" data-testid="timeline-new">
            Paused · {formatCount(t.newWhilePaused)} new
          </span>
          <button type="button" className="fd-button fd-button--primary" onClick={() => t.setPaused(false)}>
            Jump to newest ↓
          </button>
        </>
      ) : (
        <span className="tl-following">Following newest</span>
      )}
      <label className="tl-toggle">
        <input type="checkbox" checked={t.swimlanes} onChange={(e) => t.setSwimlanes(e.target.checked)} />
        Engine lanes
      </label>
    </div>
  );
}

/** Where the stored pages in front of the live window stand. */
function HistoryStatus(): ReactElement {
  const h = useFlightdeck(
    useShallow((s) => ({ older: s.history.olderCount, loading: s.history.loading, more: s.history.more, error: s.history.error, opened: s.viewed.opened?.name ?? null }))
  );
  const edge = h.error ? `older events unavailable: ${h.error}` : h.loading ? 'reading older events…' : h.more ? 'scroll up for older events' : 'start of session reached';
  return (
    <span className="tl-count" data-testid="timeline-history">
      {h.opened ? `recorded session “${h.opened}” · ` : ''}
      {h.older > 0 ? `${formatCount(h.older)} from the store · ` : ''}
      {edge}
    </span>
  );
}

function ColumnHeader(): ReactElement {
  const swimlanes = useFlightdeck((s) => s.layout.swimlanes);
  return (
    <div className={`tl-row tl-header-row${swimlanes ? ' tl-row--lanes' : ''}`} aria-hidden="true">
      {swimlanes && <span className="tl-cell">Lanes</span>}
      <span className="tl-cell tl-seq">#</span>
      <span className="tl-cell">Time</span>
      <span className="tl-cell">Priority</span>
      <span className="tl-cell">Type</span>
      <span className="tl-cell">Source → targets</span>
      <span className="tl-cell">Correlation</span>
      <span className="tl-cell">Summary</span>
    </div>
  );
}

function EmptyState(): ReactElement | null {
  const { visible, held, older, opened } = useFlightdeck(
    useShallow((s) => ({ visible: s.timeline.visibleCount, held: s.timeline.heldCount, older: s.history.olderCount, opened: s.viewed.opened !== null }))
  );
  if (older > 0 || (visible > 0 && !opened)) return null;
  if (opened) return <p className="tl-empty">No event of this session matches the filters (or its pages are still being read).</p>;
  return (
    <p className="tl-empty">
      {held === 0
        ? 'Waiting for events… apply a configuration or load a scenario to see the engines at work.'
        : 'No event matches the filters. Clear them to see all events.'}
    </p>
  );
}

/** The live event timeline: filters, the virtualized list and, when an event is selected, its details. */
export function TimelineView(): ReactElement {
  const { hasSelection, layout, setPanelLayout } = useFlightdeck(
    useShallow((s) => ({
      hasSelection: s.selection.event !== null,
      layout: s.layout.panels[SPLIT_ID],
      setPanelLayout: s.layout.setPanelLayout
    }))
  );
  return (
    <section className="tl-view" aria-label="Timeline">
      <FilterBar />
      <Toolbar />
      {/* Remounted when the detail pane appears, so the saved split applies to both panels. */}
      <Group
        key={hasSelection ? 'with-detail' : 'list-only'}
        id={SPLIT_ID}
        orientation="vertical"
        className="tl-split"
        defaultLayout={hasSelection ? layout : undefined}
        onLayoutChanged={(next) => {
          if (hasSelection) setPanelLayout(SPLIT_ID, next);
        }}
      >
        <Panel id="tl-list" minSize="15%" className="tl-list-panel">
          <ColumnHeader />
          <div className="tl-list-wrap">
            <EventList />
            <EmptyState />
          </div>
        </Panel>
        {hasSelection && (
          <>
            <Separator className="fd-separator fd-separator--horizontal" />
            <Panel id="tl-detail" defaultSize="45%" minSize="15%" className="tl-detail-panel">
              <EventDetail />
            </Panel>
          </>
        )}
      </Group>
    </section>
  );
}
