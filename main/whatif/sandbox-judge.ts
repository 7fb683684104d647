import type { ConsistencyRule, Violation } from '../../shared/consistency';
import type { Disposable } from '../../shared/disposable';
import type { EngineId } from '../../shared/events';
import { engineStatus, INITIAL_SESSION_STATE, type SessionState } from '../../shared/projection';
import { DataConsistencyManager } from '../core/consistency';
import { OutputEntries } from '../core/coordinator/state-views';
import type { Publish } from '../core/log/publish';
import type { RecordedCheck } from './recorded-checks';

/**
 * A consistency manager of its own, judging recorded outputs against a set of rules: it reads
 * the engines' outputs from the recorded state it is handed, and publishes into a local sink
 * that only counts, so nothing it decides reaches a live session, its log or its store.
 *
 * @example
 * const judge = new SandboxJudge(rules);
 * judge.check(check, recordedState); // as the recompute path checked at that point
 * judge.openViolations();
 * judge.dispose();
 */
export class SandboxJudge implements Disposable {
  private state: SessionState = INITIAL_SESSION_STATE;
  private readonly entries = new OutputEntries(() => this.state);
  private readonly manager: DataConsistencyManager;
  private published = 0;

  /** Throws, naming the rule and field, on a rule the manager refuses (a bad shape, a duplicate id). */
  constructor(rules: readonly ConsistencyRule[]) {
    // The sink numbers what it is given so the manager's bookkeeping holds; the events go nowhere.
    const publish: Publish = () => {
      this.published++;
      return { eventId: `whatif-${this.published}`, seq: this.published };
    };
    this.manager = new DataConsistencyManager({ publish, entryOf: (engineId) => this.entries.entryOf(engineId) });
    // Added before any output: each add checks at once, finds nothing to compare and opens nothing.
    for (const rule of rules) this.manager.addConsistencyRule(rule);
  }

  /** Events the sandbox published into its sink (rule adds and violation changes). */
  get publishedCount(): number {
    return this.published;
  }

  /**
   * Checks as the recompute path did at `check`: the pairs of the rules touching the engine whose
   * other side was settled — neither busy nor restarting in `state`, nor computing (its outcome
   * published, its own check still to come).
   */
  check(check: RecordedCheck, state: SessionState): void {
    this.state = state;
    const isSettled = (engineId: EngineId): boolean => {
      if (check.computing.has(engineId)) return false;
      const status = engineStatus(state, engineId);
      return status !== 'busy' && status !== 'restarting';
    };
    const { event } = check;
    this.manager.recheckEngine(check.engineId, isSettled, {
      causationId: event.eventId,
      correlationId: event.correlationId,
      configVersion: event.configVersion
    });
  }

  openViolations(): Violation[] {
    return this.manager.getOpenViolations();
  }

  dispose(): void {
    this.manager.dispose();
  }
}
