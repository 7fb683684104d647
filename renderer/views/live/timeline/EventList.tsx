import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactElement, type WheelEvent } from 'react';
import { List, useListRef } from 'react-window';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { timelineRowAt, timelineRowOf } from '../../../store/history/history-slice';
import { noteNewestRendered } from '../../../store/live';
import { effectiveUiScale, rowHeightPx } from '../../../store/live/ui-scale';
import { EventRow, type EventRowProps } from './EventRow';
import { TailRows } from './TailRows';

/** Older events are read from the store once the first rendered row is this close to the top. */
const LOAD_OLDER_WITHIN_ROWS = 40;
/** Rows shown above the selected one when the list opens at it. */
const OPEN_ABOVE_SELECTED_ROWS = 8;
/**
 * Where the paused list was scrolled: it is mounted again when the detail pane opens or closes
 * (the split is rebuilt), and must open where the user left it. Null while following.
 */
let pausedScrollTop: number | null = null;

/**
 * The virtualized event list (react-window): the store's older pages, then the live window.
 * It re-reads both when their versions change (≤ once per frame), follows the newest event
 * unless paused or viewing another moment, reads older pages from the store as the user
 * scrolls up (keeping the rows in view where they were), and scrolls to the viewed event.
 * Scrolling up pauses; ↑/↓ move the selection.
 */
export function EventList(): ReactElement {
  const t = useFlightdeck(
    useShallow((s) => ({
      version: s.timeline.version + s.history.version,
      liveCount: s.timeline.visibleCount,
      olderCount: s.history.olderCount,
      more: s.history.more,
      filters: s.timeline.filters,
      opened: s.viewed.opened,
      at: s.viewed.at,
      replaying: s.replay.plan !== null,
      shown: s.layout.activeTab === 'timeline',
      paused: s.timeline.paused,
      selectedId: s.selection.eventId,
      swimlanes: s.layout.swimlanes,
      selectEvent: s.selection.selectEvent,
      setPaused: s.timeline.setPaused,
      syncScope: s.history.syncScope,
      loadOlder: s.history.loadOlder,
      fillTo: s.history.fillTo
    }))
  );
  const { olderCount, opened, at, paused, selectedId, selectEvent, setPaused, fillTo, syncScope } = t;
  const count = olderCount + (opened ? 0 : t.liveCount);
  const following = !paused && !opened && at === null;
  const listRef = useListRef(null);
  // Rows grow with the UI scale; react-window needs their height in pixels.
  const rowHeight = useFlightdeck((s) => rowHeightPx(effectiveUiScale(s.layout)));

  useEffect(() => syncScope(), [t.filters, opened, syncScope]);

  // Pages are prepended: move the scroll position down by what was added so the rows stay put.
  const previousOlder = useRef(olderCount);
  useLayoutEffect(() => {
    const added = olderCount - previousOlder.current;
    previousOlder.current = olderCount;
    const element = listRef.current?.element;
    if (added > 0 && element && !following) element.scrollBy({ top: added * rowHeight, behavior: 'instant' });
  }, [olderCount, following, listRef, rowHeight]);

  // A pause after following opens at the newest rows, not where an earlier pause was left.
  useEffect(() => {
    if (following) pausedScrollTop = null;
  }, [following]);

  // Following, the tail rows show the newest: this records when it first reached the screen.
  useLayoutEffect(() => {
    if (!following || count === 0) return;
    const newest = timelineRowAt(useFlightdeck.getState(), count - 1);
    if (newest) noteNewestRendered(newest);
  }, [t.version, count, following]);

  // The viewed event: read back to it if needed, select it (not while a replay runs) and show it.
  const shownSeq = useRef<number | null>(null);
  useEffect(() => {
    // A hidden list has no height to scroll in: it shows the event when its tab opens.
    if (at === null || !t.shown) {
      shownSeq.current = null;
      return;
    }
    if (shownSeq.current === at.seq || !at.event) return;
    const s = useFlightdeck.getState();
    const row = timelineRowOf(s, at.seq, at.event.eventId);
    if (row < 0) {
      if (s.history.more && !s.history.loading) void fillTo(at.seq);
      return;
    }
    shownSeq.current = at.seq;
    if (!t.replaying && s.selection.eventId !== at.event.eventId) selectEvent(at.event.eventId, at.event);
    // After layout: the list may just have been remounted (the detail pane opened) and not sized yet.
    requestAnimationFrame(() => listRef.current?.scrollToRow({ index: row, align: 'center', behavior: 'instant' }));
  }, [at, t.version, t.replaying, t.shown, fillTo, selectEvent, listRef]);

  // A selection made elsewhere (the causal chain) scrolls into view when not following.
  useEffect(() => {
    if (following || selectedId === null) return;
    const s = useFlightdeck.getState();
    const event = s.selection.event;
    const index = event ? timelineRowOf(s, event.seq, selectedId) : -1;
    if (index >= 0) listRef.current?.scrollToRow({ index, align: 'smart', behavior: 'instant' });
  }, [selectedId, following, listRef]);

  const onSelect = useCallback((eventId: string, index: number, compare: boolean) => {
    const s = useFlightdeck.getState();
    (compare ? s.selection.selectToCompare : selectEvent)(eventId, timelineRowAt(s, index));
  }, [selectEvent]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const s = useFlightdeck.getState();
    const current = s.selection.event ? timelineRowOf(s, s.selection.event.seq, s.selection.event.eventId) : -1;
    const next = Math.min(count - 1, Math.max(0, current < 0 ? count - 1 : current + (event.key === 'ArrowDown' ? 1 : -1)));
    const target = timelineRowAt(s, next);
    if (!target) return;
    setPaused(true);
    selectEvent(target.eventId, target);
    listRef.current?.scrollToRow({ index: next, align: 'smart', behavior: 'instant' });
  };

  const onRowsRendered = ({ startIndex }: { startIndex: number }): void => {
    if (startIndex > LOAD_OLDER_WITHIN_ROWS || following) return;
    const { history } = useFlightdeck.getState();
    if (history.more && !history.loading) void t.loadOlder();
  };

  const rowProps: EventRowProps = { version: t.version, selectedId, viewedSeq: at?.seq ?? null, swimlanes: t.swimlanes, onSelect };
  const onWheel = (e: WheelEvent<HTMLDivElement>): void => {
    if (e.deltaY < 0 && !paused) setPaused(true);
  };

  const openingOffset = (): number => {
    const s = useFlightdeck.getState();
    const selected = s.selection.event ? timelineRowOf(s, s.selection.event.seq, s.selection.event.eventId) : -1;
    if (selected >= 0) return Math.max(0, (selected - OPEN_ABOVE_SELECTED_ROWS) * rowHeight);
    return pausedScrollTop ?? count * rowHeight;
  };

  if (following) return <TailRows count={count} rowHeight={rowHeight} rowProps={rowProps} onKeyDown={onKeyDown} onWheel={onWheel} />;
  return (
    <List<EventRowProps>
      listRef={listRef}
      className="tl-list"
      role="listbox"
      aria-label="Events"
      tabIndex={0}
      rowComponent={EventRow}
      rowCount={count}
      rowHeight={rowHeight}
      rowProps={rowProps}
      overscanCount={8}
      onKeyDown={onKeyDown}
      onRowsRendered={onRowsRendered}
      // Mounted when following stops, or again when the detail pane opens or closes: at the
      // selected row if there is one, else where it was, else at the newest rows (where the tail was).
      defaultScrollOffset={openingOffset()}
      onScroll={(e) => {
        pausedScrollTop = e.currentTarget.scrollTop;
      }}
      onWheel={onWheel}
    />
  );
}
