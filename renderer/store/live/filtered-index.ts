import type { EventRing } from './event-ring';
import type { EventPredicate } from './event-filter';

/**
 * The seqs of the ring's events that pass the current filter, oldest first. It is maintained
 * incrementally: `advance` tests each new event once; `reset` (after the filter changed)
 * restarts from the oldest held event, and later `advance` calls catch up in bounded steps so a
 * costly filter over 100k events never blocks a frame. Seqs the ring evicted are trimmed.
 *
 * @example
 * const index = new FilteredIndex(compileFilter(filters), ring.oldestSeq);
 * index.advance(ring, 5000); // test up to 5000 new events
 * index.seqAt(0); // the oldest visible event's seq
 */
export class FilteredIndex {
  private seqs: number[] = [];
  private head = 0;
  private scanned: number;
  /** Matches ever found (not reduced by eviction): the "new events while paused" counter uses it. */
  private matchedTotal = 0;

  constructor(
    private predicate: EventPredicate,
    fromSeq: number
  ) {
    this.scanned = fromSeq;
  }

  /** Visible events held now. */
  get length(): number {
    return this.seqs.length - this.head;
  }

  /** The next seq to test: events from here on have not been looked at yet. */
  get scannedUpTo(): number {
    return this.scanned;
  }

  get matched(): number {
    return this.matchedTotal;
  }

  /** Starts over with a new filter from the ring's oldest event. */
  reset(predicate: EventPredicate, fromSeq: number): void {
    this.predicate = predicate;
    this.seqs = [];
    this.head = 0;
    this.scanned = fromSeq;
    this.matchedTotal = 0;
  }

  /**
   * Tests up to `budget` events not yet tested and drops seqs the ring evicted. Returns true
   * when every event the ring holds has been tested.
   */
  advance(ring: EventRing, budget: number): boolean {
    const oldest = ring.oldestSeq;
    if (this.scanned < oldest) this.scanned = oldest;
    const end = Math.min(ring.nextSeq, this.scanned + Math.max(0, budget));
    for (let seq = this.scanned; seq < end; seq++) {
      const event = ring.get(seq);
      if (event && this.predicate.test(event)) {
        this.seqs.push(seq);
        this.matchedTotal++;
      }
    }
    this.scanned = end;
    this.trim(oldest);
    return this.scanned >= ring.nextSeq;
  }

  /** The seq of the i-th visible event (0 = oldest), or undefined when out of range. */
  seqAt(i: number): number | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return this.seqs[this.head + i];
  }

  /** Position of a seq among the visible events, or -1. Binary search: seqs are increasing. */
  indexOfSeq(seq: number): number {
    let lo = this.head;
    let hi = this.seqs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.seqs[mid] as number;
      if (value === seq) return mid - this.head;
      if (value < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private trim(oldest: number): void {
    while (this.head < this.seqs.length && (this.seqs[this.head] as number) < oldest) this.head++;
    // Compact once the dead prefix is large, so memory stays proportional to what is visible.
    if (this.head > 4096 && this.head * 2 > this.seqs.length) {
      this.seqs = this.seqs.slice(this.head);
      this.head = 0;
    }
  }
}
