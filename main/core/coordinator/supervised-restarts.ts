import type { Disposable } from '../../../shared/disposable';
import type { EngineId } from '../../../shared/events';
import { Supervisor, type RestartPolicy, type SupervisorDecision } from './supervisor';

export interface SupervisedRestartsOptions {
  policyOf: (engineId: EngineId) => RestartPolicy;
  /** Rebuilds the engine (`reason` says why) and lets the recompute path resume it. */
  restart: (engineId: EngineId, reason: string) => void;
  random?: () => number;
  now?: () => number;
}

/**
 * The supervisor's decisions carried out: a failed engine is restarted after its backoff, each
 * engine with at most one restart pending; a user's restart cancels the pending one and clears
 * the engine's record.
 */
export class SupervisedRestarts implements Disposable {
  readonly supervisor: Supervisor;
  private readonly pending = new Map<EngineId, ReturnType<typeof setTimeout>>();
  private quietWaiters: (() => void)[] = [];

  constructor(private readonly options: SupervisedRestartsOptions) {
    this.supervisor = new Supervisor({ policyOf: options.policyOf, random: options.random, now: options.now });
  }

  /** A failure of `engineId`: the decision, with its restart already scheduled. */
  onFailure(engineId: EngineId): SupervisorDecision {
    const decision = this.supervisor.onFailure(engineId);
    this.cancel(engineId);
    if (decision.restart) {
      const timer = setTimeout(() => {
        this.pending.delete(engineId);
        this.options.restart(engineId, `restart ${decision.attempt} after a failure (backoff ${decision.delayMs} ms)`);
        if (this.pending.size === 0) this.resolveQuiet();
      }, decision.delayMs);
      timer.unref?.();
      this.pending.set(engineId, timer);
    }
    return decision;
  }

  /** A user restarted the engine: nothing stays pending and its failures are forgotten. */
  reset(engineId: EngineId): void {
    this.cancel(engineId);
    this.supervisor.reset(engineId);
  }

  /** Restarts waiting for their backoff. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Resolves once no restart is pending. */
  whenNonePending(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.quietWaiters.push(resolve));
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.resolveQuiet();
  }

  private cancel(engineId: EngineId): void {
    const timer = this.pending.get(engineId);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.pending.delete(engineId);
    if (this.pending.size === 0) this.resolveQuiet();
  }

  private resolveQuiet(): void {
    const waiters = this.quietWaiters;
    this.quietWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
