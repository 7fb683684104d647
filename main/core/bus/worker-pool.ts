import type { EngineEvent } from '../../../shared/events';
import type { Subscription } from './subscriptions';

/** One of the bus's workers while it holds a handler call whose promise has not settled. */
export interface InFlight {
  readonly slot: number;
  subscription: Subscription;
  event: EngineEvent;
  attempt: number;
  startedAt: number;
  deadline: number;
  /** Reported as timed out; it still holds its worker until its promise settles. */
  timedOut: boolean;
  /** Pass to the handler's promise: `promise.then(flight.fulfilled, flight.rejected)`. */
  readonly fulfilled: (value: unknown) => void;
  readonly rejected: (error: unknown) => void;
}

/**
 * The bus's async workers: at most `maxWorkers` handler promises at once. A worker is held until
 * its handler's promise settles — also after the handler was reported as timed out, since it is
 * still running — so `maxWorkers` bounds the work really in progress.
 *
 * The workers and their settle callbacks are made once, so running a handler allocates nothing
 * here (this is the bus's hot path).
 */
export class WorkerPool {
  private readonly workers: InFlight[];
  private readonly holding: boolean[];
  private busy = 0;

  constructor(
    readonly maxWorkers: number,
    onSettled: (flight: InFlight, fulfilled: boolean, outcome: unknown) => void
  ) {
    this.holding = new Array<boolean>(maxWorkers).fill(false);
    this.workers = Array.from({ length: maxWorkers }, (_, slot) => {
      const flight: InFlight = {
        slot,
        subscription: undefined as unknown as Subscription,
        event: undefined as unknown as EngineEvent,
        attempt: 0,
        startedAt: 0,
        deadline: 0,
        timedOut: false,
        fulfilled: (value) => onSettled(flight, true, value),
        rejected: (error) => onSettled(flight, false, error)
      };
      return flight;
    });
  }

  get active(): number {
    return this.busy;
  }

  get hasFreeWorker(): boolean {
    return this.busy < this.maxWorkers;
  }

  /** Gives a free worker to a handler call (the caller checked `hasFreeWorker`). */
  occupy(subscription: Subscription, event: EngineEvent, attempt: number, startedAt: number, deadline: number): InFlight {
    let slot = 0;
    while (this.holding[slot]) slot++;
    this.holding[slot] = true;
    this.busy++;
    const flight = this.workers[slot] as InFlight;
    flight.subscription = subscription;
    flight.event = event;
    flight.attempt = attempt;
    flight.startedAt = startedAt;
    flight.deadline = deadline;
    flight.timedOut = false;
    return flight;
  }

  /** Frees the worker of a settled handler (once; a second release changes nothing). */
  release(flight: InFlight): void {
    if (!this.holding[flight.slot]) return;
    this.holding[flight.slot] = false;
    this.busy--;
  }

  /** Handlers past their deadline not reported yet; each is marked as timed out. */
  expire(now: number): InFlight[] {
    const expired: InFlight[] = [];
    for (const flight of this.running()) {
      if (flight.timedOut || flight.deadline > now) continue;
      flight.timedOut = true;
      expired.push(flight);
    }
    return expired;
  }

  /** Every handler holding a worker now. */
  running(): InFlight[] {
    return this.workers.filter((flight) => this.holding[flight.slot]);
  }
}
