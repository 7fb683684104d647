import type { EngineEvent } from '../../../shared/events';

/**
 * A fixed-capacity ring of events addressed by absolute sequence numbers: the first event ever
 * pushed is seq 0, and a seq stays the same while the event is held. When the ring is full the
 * oldest event is evicted, and every eviction is counted (the status bar shows the count).
 *
 * @example
 * const ring = new EventRing(3);
 * ring.pushAll([a, b, c, d]);
 * ring.oldestSeq; // 1 (a was evicted)
 * ring.get(3); // d
 * ring.evicted; // 1
 */
export class EventRing {
  private readonly slots: (EngineEvent | undefined)[];
  private next = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`ring capacity must be a positive integer, got ${capacity}`);
    this.slots = new Array<EngineEvent | undefined>(capacity);
  }

  /** The seq the next pushed event will get (= events ever pushed). */
  get nextSeq(): number {
    return this.next;
  }

  /** The seq of the oldest event still held. */
  get oldestSeq(): number {
    return Math.max(0, this.next - this.capacity);
  }

  /** Events held now. */
  get size(): number {
    return this.next - this.oldestSeq;
  }

  /** Events the capacity pushed out. */
  get evicted(): number {
    return this.oldestSeq;
  }

  /** Appends one event and returns its seq. */
  push(event: EngineEvent): number {
    const seq = this.next;
    this.slots[seq % this.capacity] = event;
    this.next = seq + 1;
    return seq;
  }

  pushAll(events: readonly EngineEvent[]): void {
    for (const event of events) this.push(event);
  }

  /** The event with this seq, or undefined when it was evicted or not yet pushed. */
  get(seq: number): EngineEvent | undefined {
    if (seq < this.oldestSeq || seq >= this.next) return undefined;
    return this.slots[seq % this.capacity];
  }

  /** The newest event, if any. */
  newest(): EngineEvent | undefined {
    return this.next === 0 ? undefined : this.get(this.next - 1);
  }
}
