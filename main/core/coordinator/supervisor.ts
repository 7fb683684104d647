import type { EngineId } from '../../../shared/events';

/** How one engine is restarted after a failure (milliseconds; `jitter` is a share, 0..1). */
export interface RestartPolicy {
  maxRestarts: number;
  windowMs: number;
  backoffMs: number;
  maxBackoffMs: number;
  jitter: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 3, windowMs: 60_000, backoffMs: 100, maxBackoffMs: 5_000, jitter: 0.2 };

/** What to do after a failure: restart after `delayMs`, or give the engine up. */
export type SupervisorDecision = { restart: true; delayMs: number; attempt: number } | { restart: false; reason: string };

export interface SupervisorOptions {
  policyOf: (engineId: EngineId) => RestartPolicy;
  /** Milliseconds clock (default `performance.now()`). */
  now?: () => number;
  /** Uniform [0, 1) for the jitter; seeded in tests and the chaos run (default `Math.random`). */
  random?: () => number;
}

/**
 * The restart policy of every engine, as an Erlang/OTP supervisor keeps it: each failure is a
 * restart after an exponential backoff with jitter (`backoffMs × 2^(n−1)`, capped at
 * `maxBackoffMs`, ± `jitter`), at most `maxRestarts` within a sliding `windowMs`; one more and the
 * engine is given up. A computation that succeeds resets the backoff; a restart asked for by a
 * user resets everything.
 *
 * @example
 * const supervisor = new Supervisor({ policyOf: () => DEFAULT_RESTART_POLICY });
 * supervisor.onFailure('materials'); // { restart: true, delayMs: ~100, attempt: 1 }
 */
export class Supervisor {
  private readonly failures = new Map<EngineId, number[]>();
  private readonly streak = new Map<EngineId, number>();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: SupervisorOptions) {
    this.now = options.now ?? ((): number => performance.now());
    this.random = options.random ?? Math.random;
  }

  /** Records a failure of `engineId` and decides what follows. */
  onFailure(engineId: EngineId): SupervisorDecision {
    const policy = this.options.policyOf(engineId);
    const now = this.now();
    const recent = (this.failures.get(engineId) ?? []).filter((at) => now - at < policy.windowMs);
    if (recent.length >= policy.maxRestarts) {
      this.failures.set(engineId, recent);
      const windowS = Math.round(policy.windowMs / 100) / 10;
      return { restart: false, reason: `given up: ${recent.length + 1} failures within ${windowS} s (at most ${policy.maxRestarts} restarts allowed)` };
    }
    recent.push(now);
    this.failures.set(engineId, recent);
    const attempt = (this.streak.get(engineId) ?? 0) + 1;
    this.streak.set(engineId, attempt);
    const base = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attempt - 1));
    const delayMs = Math.max(0, Math.round(base * (1 + policy.jitter * (2 * this.random() - 1))));
    return { restart: true, delayMs, attempt };
  }

  /** The engine computed: its next failure starts the backoff again (the window still counts). */
  onSuccess(engineId: EngineId): void {
    this.streak.delete(engineId);
  }

  /** A user restarted the engine: its history is forgotten. */
  reset(engineId: EngineId): void {
    this.failures.delete(engineId);
    this.streak.delete(engineId);
  }

  /** The longest an engine can stay down under its policy before it is given up (every backoff, no jitter saved). */
  maxDowntimeMs(engineId: EngineId): number {
    const policy = this.options.policyOf(engineId);
    let total = 0;
    for (let n = 1; n <= policy.maxRestarts; n++) total += Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (n - 1)) * (1 + policy.jitter);
    return total;
  }
}
