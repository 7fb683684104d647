import type { Disposable } from '../../shared/disposable';
import type { EngineId } from '../../shared/events';
import { isGivenUp } from '../../shared/projection';
import type { Random } from '../engines/optimization/random';
import type { SessionHost } from '../host/session-host';

/** What the faults and the operator did. */
export interface FaultTotals {
  kills: number;
  slowed: number;
  failing: number;
  cleared: number;
  /** Given-up engines a user restarted (the operator below plays that user). */
  operatorRestarts: number;
  redelivered: number;
  discarded: number;
}

/** How long the operator takes to notice a given-up engine or a dead letter. */
const OPERATOR_TICK_MS = 250;

/**
 * The faults of a chaos run, all sent as a user would, through the host's commands: an engine
 * killed every `killEveryMs`, a slow or failing engine at `faultRate` per change; and an
 * operator who restarts given-up engines and redelivers (or now and then discards) dead letters.
 */
export class ChaosFaults implements Disposable {
  readonly totals: FaultTotals = { kills: 0, slowed: 0, failing: 0, cleared: 0, operatorRestarts: 0, redelivered: 0, discarded: 0 };
  private killTimer: ReturnType<typeof setInterval> | undefined;
  private readonly operatorTimer: ReturnType<typeof setInterval>;
  private readonly engines: readonly EngineId[];
  /** Slowed engines and the change after which they run at speed again. */
  private readonly slowUntil = new Map<EngineId, number>();
  private changes = 0;

  constructor(
    private readonly host: SessionHost,
    private readonly random: Random,
    private readonly faultRate: number,
    killEveryMs: number
  ) {
    this.engines = host.session.coordinator.state.engineOrder;
    const every = (where: string, ms: number, task: () => Promise<void>): ReturnType<typeof setInterval> =>
      setInterval(() => void task().catch((error: unknown) => this.host.reportFault(where, error)), ms);
    if (killEveryMs > 0) this.killTimer = every('a chaos kill', killEveryMs, () => this.kill());
    this.operatorTimer = every('the chaos operator', OPERATOR_TICK_MS, () => this.operate());
  }

  /**
   * Called before each change: at `faultRate`, an engine is slowed by 1–20 ms (for the next 5–20 changes),
   * set to fail its next 1–3 computations, or has its faults cleared.
   */
  async beforeChange(): Promise<void> {
    this.changes++;
    for (const [engineId, until] of this.slowUntil) {
      if (until > this.changes) continue;
      this.slowUntil.delete(engineId);
      await this.fault(engineId, { kind: 'slow', delayMs: 0 });
    }
    if (!this.random.chance(this.faultRate)) return;
    const engineId = this.pickEngine();
    const roll = this.random.next();
    if (roll < 0.4) {
      this.totals.slowed++;
      this.slowUntil.set(engineId, this.changes + this.random.integer(5, 20));
      await this.fault(engineId, { kind: 'slow', delayMs: this.random.integer(1, 20) });
    } else if (roll < 0.8) {
      this.totals.failing++;
      await this.fault(engineId, { kind: 'fail', count: this.random.integer(1, 3) });
    } else {
      this.totals.cleared++;
      await this.fault(engineId, { kind: 'clear' });
    }
  }

  /** Stops the faults and clears every engine's armed ones; the operator keeps going until disposed. */
  async stopFaults(): Promise<void> {
    clearInterval(this.killTimer);
    this.killTimer = undefined;
    for (const engineId of this.engines) await this.fault(engineId, { kind: 'clear' });
  }

  /** Restarts every given-up engine now (the last look before the run settles). */
  async restartGivenUp(): Promise<number> {
    let restarted = 0;
    for (const engineId of this.engines) {
      if (!isGivenUp(this.host.session.coordinator.state, engineId)) continue;
      const result = await this.host.invoke('engine.restart', { engineId });
      if (result.ok) restarted++;
    }
    this.totals.operatorRestarts += restarted;
    return restarted;
  }

  dispose(): void {
    clearInterval(this.killTimer);
    clearInterval(this.operatorTimer);
  }

  private async kill(): Promise<void> {
    this.totals.kills++;
    await this.fault(this.pickEngine(), { kind: 'crash' });
  }

  private async operate(): Promise<void> {
    await this.restartGivenUp();
    // Redeliver most dead letters once seen, discard one in ten: both must leave the list.
    for (const letter of this.host.session.coordinator.state.deadLetters.slice(0, 20)) {
      const request = { originalEventId: letter.originalEventId, engineId: letter.engineId };
      if (this.random.chance(0.1)) {
        const result = await this.host.invoke('deadletters.discard', request);
        if (result.ok && result.data.discarded) this.totals.discarded++;
      } else {
        const result = await this.host.invoke('deadletters.redeliver', request);
        if (result.ok && result.data.redelivered) this.totals.redelivered++;
      }
    }
  }

  private async fault(engineId: EngineId, fault: { kind: 'crash' } | { kind: 'slow'; delayMs: number } | { kind: 'fail'; count: number } | { kind: 'clear' }): Promise<void> {
    const result = await this.host.invoke('engine.fault', { engineId, fault });
    if (!result.ok) throw new Error(`engine.fault ${fault.kind} on ${engineId} refused: ${result.error.message}`);
  }

  private pickEngine(): EngineId {
    return this.engines[this.random.integer(0, this.engines.length - 1)] as EngineId;
  }
}
