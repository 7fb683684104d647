import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement, type WheelEvent } from 'react';
import { EventRow, type EventRowProps } from './EventRow';

/**
 * The timeline while it follows the newest event: the rows that fit, newest at the bottom, drawn
 * in the same frame as the events arrive. A virtual list cannot do this at thousands of events a
 * second: it picks its rows from the scroll position before the scroll to the newest lands, so
 * it drew rows just out of view and the list flickered blank. Scrolling up (wheel, ↑) pauses,
 * and the virtual list takes over at the newest event.
 */
export function TailRows({
  count,
  rowHeight,
  rowProps,
  onKeyDown,
  onWheel
}: {
  count: number;
  rowHeight: number;
  rowProps: EventRowProps;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  onWheel(event: WheelEvent<HTMLDivElement>): void;
}): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // Fewer rows than fit: from the top, as any list. More: the newest on the bottom edge, one
  // partly cut row at the top.
  const room = Math.ceil(height / rowHeight);
  const fromTop = count < room;
  const first = fromTop ? 0 : count - room;
  const rows: ReactElement[] = [];
  for (let index = first; index < count; index++) {
    const place = fromTop ? { top: index * rowHeight } : { bottom: (count - 1 - index) * rowHeight };
    const style = { position: 'absolute', left: 0, right: 0, height: rowHeight, ...place } as const;
    rows.push(
      <EventRow key={index} index={index} style={style} ariaAttributes={{ 'aria-posinset': index + 1, 'aria-setsize': count, role: 'listitem' }} {...rowProps} />
    );
  }
  return (
    <div ref={ref} className="tl-list tl-list--tail" role="listbox" aria-label="Events" tabIndex={0} onKeyDown={onKeyDown} onWheel={onWheel}>
      {rows}
    </div>
  );
}
