import type { EngineEvent } from '../../../shared/events';
import type { Subscription } from './subscriptions';

/** A handler call whose promise has not settled yet. */
export interface InFlight {
  readonly subscription: Subscription;
  readonly event: EngineEvent;
  readonly attempt: number;
  readonly startedAt: number;
  readonly deadline: number;
  /** Reported as timed out; it still holds its worker until its promise settles. */
  timedOut: boolean;
  slot: number;
}

/**
 * The bus's async workers: at most `maxWorkers` handler promises at once. A worker is held until
 * its handler's promise settles — also after the handler was reported as timed out, since it is
 * still running — so `maxWorkers` bounds the work really in progress.
 */
export class WorkerPool {
  private readonly slots: (InFlight | undefined)[];
  private busy = 0;

  constructor(readonly maxWorkers: number) {
    this.slots = new Array<InFlight | undefined>(maxWorkers).fill(undefined);
  }

  get active(): number {
    return this.busy;
  }

  get hasFreeWorker(): boolean {
    return this.busy < this.maxWorkers;
  }

  /** Gives a free worker to `flight` (the caller checked `hasFreeWorker`). */
  occupy(flight: InFlight): void {
    let slot = 0;
    while (this.slots[slot] !== undefined) slot++;
    flight.slot = slot;
    this.slots[slot] = flight;
    this.busy++;
  }

  /** Frees the worker of a settled handler. */
  release(flight: InFlight): void {
    if (this.slots[flight.slot] !== flight) return;
    this.slots[flight.slot] = undefined;
    this.busy--;
  }

  /** Handlers past their deadline not reported yet; each is marked as timed out. */
  expire(now: number): InFlight[] {
    const expired: InFlight[] = [];
    for (const flight of this.slots) {
      if (!flight || flight.timedOut || flight.deadline > now) continue;
      flight.timedOut = true;
      expired.push(flight);
    }
    return expired;
  }

  /** Every handler holding a worker now. */
  running(): InFlight[] {
    return this.slots.filter((flight): flight is InFlight => flight !== undefined);
  }
}
