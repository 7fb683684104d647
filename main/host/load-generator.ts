import type { Disposable } from '../../shared/disposable';
import type { EventBus } from '../core/bus/event-bus';

/** The load generator's engine id: its events are easy to filter out of the timeline. */
export const LOAD_GENERATOR_ENGINE_ID = 'load_generator';
const TICK_MS = 10;

interface Run {
  startedAt: number;
  endsAt: number;
  eventsPerSecond: number;
  total: number;
  next: number;
}

/**
 * Publishes `synthetic_load` events at a steady rate for a while: the stress test behind
 * the UI benchmark, and a way to show how the tool behaves under a flood. A failure in its
 * timer stops the run and is reported; it never ends the process.
 */
export class LoadGenerator implements Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private publishedCount = 0;

  constructor(
    private readonly bus: EventBus,
    private readonly onError: (error: unknown) => void
  ) {}

  get published(): number {
    return this.publishedCount;
  }

  start(eventsPerSecond: number, durationS: number): void {
    this.stop();
    this.publishedCount = 0;
    const startedAt = performance.now();
    const run: Run = { startedAt, endsAt: startedAt + durationS * 1000, eventsPerSecond, total: Math.ceil(durationS * eventsPerSecond), next: 0 };
    this.timer = setInterval(() => {
      try {
        this.tick(run);
      } catch (error) {
        this.stop();
        this.onError(error);
      }
    }, TICK_MS);
  }

  stop(): boolean {
    if (!this.timer) return false;
    clearInterval(this.timer);
    this.timer = undefined;
    return true;
  }

  dispose(): void {
    this.stop();
  }

  /** Catches up to where the rate says the run should be, so timer jitter does not lower it. */
  private tick(run: Run): void {
    const now = performance.now();
    const due = Math.min(Math.floor(((Math.min(now, run.endsAt) - run.startedAt) / 1000) * run.eventsPerSecond), run.total);
    for (; run.next < due; run.next++) {
      this.bus.publish({ eventType: 'synthetic_load', sourceEngine: LOAD_GENERATOR_ENGINE_ID, priority: 'LOW', data: { n: run.next } });
      this.publishedCount++;
    }
    if (now >= run.endsAt) this.stop();
  }
}
