import { useCallback, useEffect, useLayoutEffect, type KeyboardEvent, type ReactElement } from 'react';
import { List, useListRef } from 'react-window';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { liveBuffer, noteNewestRendered } from '../../../store/live';
import { EventRow, type EventRowProps } from './EventRow';

const ROW_HEIGHT_PX = 24;

/**
 * The virtualized event list (react-window): renders only visible rows, re-reads the buffer
 * when the store's version changes (≤ once per frame) and follows the newest event unless
 * paused. Scrolling up pauses; ↑/↓ move the selection.
 */
export function EventList(): ReactElement {
  const { version, count, paused, selectedId, swimlanes, selectEvent, setPaused } = useFlightdeck(
    useShallow((s) => ({
      version: s.timeline.version,
      count: s.timeline.visibleCount,
      paused: s.timeline.paused,
      selectedId: s.selection.eventId,
      swimlanes: s.layout.swimlanes,
      selectEvent: s.selection.selectEvent,
      setPaused: s.timeline.setPaused
    }))
  );
  const listRef = useListRef(null);

  useLayoutEffect(() => {
    if (paused || count === 0) return;
    listRef.current?.scrollToRow({ index: count - 1, align: 'end', behavior: 'instant' });
    const newest = liveBuffer.visibleAt(count - 1);
    if (newest) noteNewestRendered(newest);
  }, [version, count, paused, listRef]);

  // A selection made elsewhere (the causal chain) scrolls into view when not following.
  useEffect(() => {
    if (!paused || selectedId === null) return;
    const index = liveBuffer.visibleIndexOf(selectedId);
    if (index >= 0) listRef.current?.scrollToRow({ index, align: 'smart', behavior: 'instant' });
  }, [selectedId, paused, listRef]);

  const onSelect = useCallback((eventId: string) => selectEvent(eventId), [selectEvent]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const current = selectedId === null ? -1 : liveBuffer.visibleIndexOf(selectedId);
    const next = Math.min(count - 1, Math.max(0, current < 0 ? count - 1 : current + (event.key === 'ArrowDown' ? 1 : -1)));
    const target = liveBuffer.visibleAt(next);
    if (!target) return;
    setPaused(true);
    selectEvent(target.eventId);
    listRef.current?.scrollToRow({ index: next, align: 'smart', behavior: 'instant' });
  };

  const rowProps: EventRowProps = { version, selectedId, swimlanes, onSelect };

  return (
    <List<EventRowProps>
      listRef={listRef}
      className="tl-list"
      role="listbox"
      aria-label="Events"
      tabIndex={0}
      rowComponent={EventRow}
      rowCount={count}
      rowHeight={ROW_HEIGHT_PX}
      rowProps={rowProps}
      overscanCount={8}
      onKeyDown={onKeyDown}
      onWheel={(e) => {
        if (e.deltaY < 0 && !paused) setPaused(true);
      }}
    />
  );
}
