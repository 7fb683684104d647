import { z } from 'zod';

/** A fault a user injects on purpose to watch degradation and recovery. */
export const FaultSchema = z.discriminatedUnion('kind', [
  /** The engine dies now; the coordinator restarts it from the consistency cache. */
  z.strictObject({ kind: z.literal('crash') }),
  /** Every computation takes `delayMs` longer (0 clears it). */
  z.strictObject({ kind: z.literal('slow'), delayMs: z.number().int().min(0).max(60_000) }),
  /** The next `count` computations fail. */
  z.strictObject({ kind: z.literal('fail'), count: z.number().int().min(1).max(1000) }),
  z.strictObject({ kind: z.literal('clear') })
]);
export type Fault = z.infer<typeof FaultSchema>;

/** Thrown by a computation that an injected `fail` fault made fail. */
export class InjectedFailureError extends Error {
  constructor(engineId: string, remaining: number) {
    super(`injected failure in ${engineId} (${remaining} more to come)`);
    this.name = 'InjectedFailureError';
  }
}

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

  /** Runs before each computation: waits if slowed, throws if a failure is armed. */
  async beforeCompute(): Promise<void> {
    if (this.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new InjectedFailureError(this.engineId, this.failuresLeft);
    }
  }
}
