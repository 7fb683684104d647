import type { ConsistencyRule, Violation } from '../../shared/consistency';
import type { EngineEvent } from '../../shared/events';
import type { SessionState } from '../../shared/projection';
import type { RejudgeReport, RejudgeStep, ViolationDelta } from '../../shared/protocol/whatif';
import { RecordedChecks, type RecordedCheck } from './recorded-checks';
import { SandboxJudge } from './sandbox-judge';
import { isEmptyDelta, openByKey, violationDelta, violationKey } from './violation-delta';

export interface RejudgeOptions {
  /** Differing outputs listed in `steps`; the rest are counted in `totals.omittedSteps`. Default 10,000. */
  maxSteps?: number;
}

/** Steps a report lists unless told otherwise: a bound on its size, whatever the recording's. */
export const DEFAULT_MAX_REJUDGE_STEPS = 10_000;

const RULE_EVENTS: ReadonlySet<string> = new Set(['rule_added', 'rule_updated', 'rule_removed']);

/**
 * Re-judges a recorded session against edited rules. The recorded events are folded into the
 * session state; wherever the recompute path checked the rules (after each computation, failure
 * and block — see `RecordedChecks`) a sandboxed consistency manager holding `rules` checks the
 * same pairs on the same outputs. After each recorded `engine_output`'s check, the violations the
 * sandbox has open are compared, by identity, with those the recording had open at that point.
 *
 * The edited rules hold from the first event: the recording's own rule events are folded into
 * its state but not replayed into the sandbox (`recordedRuleChanges` lists those after the first
 * output). With the recorded rules unchanged the delta is empty throughout. Pure: no I/O, and
 * nothing reaches a live session.
 *
 * @example
 * const rules = editedRules(projectAll(events), [{ kind: 'update', ruleId: 'power_budget', patch: { severity: 'warning' } }]);
 * const report = rejudge(events, rules);
 * report.steps[0]; // { seq: 19, engineId: 'sensors', opened: [], noLongerOpened: [], changed: [{ ruleId: 'power_budget', … }] }
 */
export function rejudge(events: Iterable<EngineEvent>, rules: readonly ConsistencyRule[], options: RejudgeOptions = {}): RejudgeReport {
  const startedAt = performance.now();
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_REJUDGE_STEPS;
  const judge = new SandboxJudge(rules);
  const tally = new DeltaTally(maxSteps);
  const recordedOpen = new RecordedOpen();
  const checks = new RecordedChecks({
    check: (check, state) => judge.check(check, state),
    checked: (check, state) => {
      if (check.kind !== 'computed') return;
      tally.output(check, violationDelta(recordedOpen.of(state), openByKey(judge.openViolations())));
    }
  });
  const recordedRuleChanges: number[] = [];
  let eventCount = 0;
  let outputSeen = false;
  try {
    for (const event of events) {
      eventCount++;
      if (event.eventType === 'engine_output') outputSeen = true;
      else if (outputSeen && RULE_EVENTS.has(event.eventType)) recordedRuleChanges.push(event.seq);
      checks.push(event);
    }
    checks.finish();
    const atEnd = violationDelta(recordedOpen.of(checks.state), openByKey(judge.openViolations()));
    return {
      steps: tally.steps,
      atEnd,
      totals: { events: eventCount, ...tally.totals() },
      recordedRuleChanges,
      durationMs: performance.now() - startedAt
    };
  } finally {
    judge.dispose();
  }
}

/** The recording's open violations by identity, rebuilt only when the state's open set changed. */
class RecordedOpen {
  private from: SessionState['violations']['open'] | undefined;
  private byKey = new Map<string, Violation>();

  of(state: SessionState): Map<string, Violation> {
    if (state.violations.open !== this.from) {
      this.from = state.violations.open;
      this.byKey = openByKey(Object.values(state.violations.open));
    }
    return this.byKey;
  }
}

/** The steps of a re-judgement and its counts. */
class DeltaTally {
  readonly steps: RejudgeStep[] = [];
  private engineOutputs = 0;
  private differing = 0;
  private readonly opened = new Set<string>();
  private readonly noLongerOpened = new Set<string>();
  private readonly changed = new Set<string>();

  constructor(private readonly maxSteps: number) {}

  output(check: RecordedCheck, delta: ViolationDelta): void {
    this.engineOutputs++;
    if (isEmptyDelta(delta)) return;
    this.differing++;
    for (const item of delta.opened) this.opened.add(violationKey(item));
    for (const item of delta.noLongerOpened) this.noLongerOpened.add(violationKey(item));
    for (const item of delta.changed) this.changed.add(violationKey(item));
    if (this.steps.length >= this.maxSteps) return;
    const { event } = check;
    this.steps.push({ seq: event.seq, eventId: event.eventId, engineId: check.engineId, configVersion: event.configVersion, ...delta });
  }

  totals(): Omit<RejudgeReport['totals'], 'events'> {
    return {
      engineOutputs: this.engineOutputs,
      differingOutputs: this.differing,
      omittedSteps: this.differing - this.steps.length,
      opened: this.opened.size,
      noLongerOpened: this.noLongerOpened.size,
      changed: this.changed.size
    };
  }
}
