import type { Disposable } from '../../shared/disposable';
import type { EventBus } from '../core/bus/event-bus';

/** The load generator's engine id: its events are easy to filter out of the timeline. */
export const LOAD_GENERATOR_ENGINE_ID = 'load_generator';
const TICK_MS = 10;

/**
 * Publishes `synthetic_load` events at a steady rate for a while: the stress test behind
 * the UI benchmark, and a way to show how the tool behaves under a flood.
 */
export class LoadGenerator implements Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private publishedCount = 0;

  constructor(private readonly bus: EventBus) {}

  get published(): number {
    return this.publishedCount;
  }

  start(eventsPerSecond: number, durationS: number): void {
    this.stop();
    this.publishedCount = 0;
    const startedAt = performance.now();
    const endsAt = startedAt + durationS * 1000;
    let seq = 0;
    this.timer = setInterval(() => {
      const now = performance.now();
      // Catch up to where the rate says we should be, so timer jitter does not lower it.
      const due = Math.min(Math.floor(((Math.min(now, endsAt) - startedAt) / 1000) * eventsPerSecond), Math.ceil(durationS * eventsPerSecond));
      for (; seq < due; seq++) {
        this.bus.publish({
          eventType: 'synthetic_load',
          sourceEngine: LOAD_GENERATOR_ENGINE_ID,
          priority: 'LOW',
          data: { n: seq }
        });
        this.publishedCount++;
      }
      if (now >= endsAt) this.stop();
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
}
