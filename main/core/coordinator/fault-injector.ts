export { FaultSchema, type Fault } from '../../../shared/faults';
import type { Fault } from '../../../shared/faults';

/** Thrown by a computation that an injected `fail` fault made fail. */
export class InjectedFailureError extends Error {
  constructor(engineId: string, remaining: number) {
    super(`injected failure in ${engineId} (${remaining} more to come)`);
    this.name = 'InjectedFailureError';
  }
}

/** What `beforeCompute` returns when no fault is armed. */
const NOTHING_ARMED: Promise<void> = Promise.resolve();

/** The faults currently armed on one engine. */
export class FaultInjector {
  private slowMs = 0;
  private failuresLeft = 0;

  constructor(private readonly engineId: string) {}

  /** Arms a slow or fail fault (crash is handled by the runner, it happens at once). */
  arm(fault: Exclude<Fault, { kind: 'crash' }>): void {
    if (fault.kind === 'slow') this.slowMs = fault.delayMs;
    else if (fault.kind === 'fail') this.failuresLeft = fault.count;
    else {
      this.slowMs = 0;
      this.failuresLeft = 0;
    }
  }

  get state(): { slowMs: number; failuresLeft: number } {
    return { slowMs: this.slowMs, failuresLeft: this.failuresLeft };
  }

  /**
   * Runs before each computation: waits if slowed, rejects if a failure is armed. With nothing
   * armed it is one shared, already resolved promise (no work, nothing allocated).
   */
  beforeCompute(): Promise<void> {
    return this.slowMs > 0 || this.failuresLeft > 0 ? this.armedBeforeCompute() : NOTHING_ARMED;
  }

  private async armedBeforeCompute(): Promise<void> {
    if (this.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new InjectedFailureError(this.engineId, this.failuresLeft);
    }
  }
}
