import type { InFlight, WorkerPool } from './worker-pool';

/**
 * Finds handlers past their deadline. One interval serves them all (no timer per call on the
 * hot path), about ten checks per timeout, and it runs only while the bus is processing.
 * Expired handlers keep their worker; `onExpired` hears of each once.
 */
export class TimeoutSweeper {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly workers: WorkerPool,
    private readonly timeoutMs: number,
    private readonly onExpired: (flight: InFlight) => void
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sweep(), Math.min(1000, Math.max(5, this.timeoutMs / 10)));
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private sweep(): void {
    if (this.workers.active === 0) return;
    for (const flight of this.workers.expire(performance.now())) this.onExpired(flight);
  }
}
