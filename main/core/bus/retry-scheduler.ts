import type { EngineEvent } from '../../../shared/events';
import type { Subscription } from './subscriptions';
import type { RetryPolicy } from './types';

export interface Retry {
  readonly subscription: Subscription;
  readonly event: EngineEvent;
  readonly attempt: number;
}

/** Transient handler failures waiting out their backoff, then ready to run again. */
export class RetryScheduler {
  private readonly ready: Retry[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  scheduled = 0;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly onReady: () => void
  ) {}

  /** Whether a failure on `attempt` (1-based) gets another try. */
  allows(attempt: number): boolean {
    return attempt < this.policy.attempts;
  }

  /** Runs `retry` after `backoffMs × 2^(attempt-2)`, or after `delayMs` when given (a redelivery). */
  schedule(retry: Retry, delayMs: number = this.policy.backoffMs * 2 ** (retry.attempt - 2)): void {
    this.scheduled++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ready.push(retry);
      this.onReady();
    }, delayMs);
    this.timers.add(timer);
  }

  /** Retries still to run: waiting out their backoff or ready. */
  get waiting(): number {
    return this.timers.size + this.ready.length;
  }

  /** The next retry whose backoff has passed. */
  next(): Retry | undefined {
    return this.ready.shift();
  }

  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.ready.length = 0;
  }
}
