import type { EngineEvent } from '../../../shared/events';
import type { RingBuffer } from '../../../shared/ring-buffer';
import type { EventPredicate } from './event-filter';

/**
 * The ring positions (absolute `RingBuffer` indexes, not event seqs) of the events that pass
 * the current filter, oldest first. It is maintained incrementally: `advance` tests each new
 * event once; `reset` (after the filter changed) restarts from the oldest held event, and later
 * `advance` calls catch up in bounded steps so a costly filter over 100k events never blocks a
 * frame. Positions the ring evicted are trimmed.
 *
 * @example
 * const index = new FilteredIndex(compileFilter(filters), ring.firstIndex);
 * index.advance(ring, 5000); // test up to 5000 new events
 * ring.get(index.positionAt(0)); // the oldest visible event
 */
export class FilteredIndex {
  private positions: number[] = [];
  private head = 0;
  private scanned: number;
  /** Matches ever found (not reduced by eviction): the "new events while paused" counter uses it. */
  private matchedTotal = 0;

  constructor(
    private predicate: EventPredicate,
    fromPosition: number
  ) {
    this.scanned = fromPosition;
  }

  /** Visible events held now. */
  get length(): number {
    return this.positions.length - this.head;
  }

  /** The next position to test: events from here on have not been looked at yet. */
  get scannedUpTo(): number {
    return this.scanned;
  }

  get matched(): number {
    return this.matchedTotal;
  }

  /** Starts over with a new filter from the ring's oldest event. */
  reset(predicate: EventPredicate, fromPosition: number): void {
    this.predicate = predicate;
    this.positions = [];
    this.head = 0;
    this.scanned = fromPosition;
    this.matchedTotal = 0;
  }

  /**
   * Tests up to `budget` events not yet tested and drops positions the ring evicted. Returns
   * true when every event the ring holds has been tested.
   */
  advance(ring: RingBuffer<EngineEvent>, budget: number): boolean {
    const oldest = ring.firstIndex;
    if (this.scanned < oldest) this.scanned = oldest;
    const end = Math.min(ring.nextIndex, this.scanned + Math.max(0, budget));
    for (let position = this.scanned; position < end; position++) {
      const event = ring.get(position);
      if (event && this.predicate.test(event)) {
        this.positions.push(position);
        this.matchedTotal++;
      }
    }
    this.scanned = end;
    this.trim(oldest);
    return this.scanned >= ring.nextIndex;
  }

  /** The position of the i-th visible event (0 = oldest), or undefined when out of range. */
  positionAt(i: number): number | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return this.positions[this.head + i];
  }

  /** Rank of a position among the visible events, or -1. Binary search: positions increase. */
  indexOfPosition(position: number): number {
    let lo = this.head;
    let hi = this.positions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.positions[mid] as number;
      if (value === position) return mid - this.head;
      if (value < position) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private trim(oldest: number): void {
    while (this.head < this.positions.length && (this.positions[this.head] as number) < oldest) this.head++;
    // Compact once the dead prefix is large, so memory stays proportional to what is visible.
    if (this.head > 4096 && this.head * 2 > this.positions.length) {
      this.positions = this.positions.slice(this.head);
      this.head = 0;
    }
  }
}
