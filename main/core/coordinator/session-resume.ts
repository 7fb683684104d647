import type { ConsistencyRule } from '../../../shared/consistency';
import type { EngineId } from '../../../shared/events';
import type { SessionState } from '../../../shared/projection';
import { CONSISTENCY_MANAGER_SOURCE } from '../consistency/data-consistency-manager';
import type { Publish } from '../log/publish';

/**
 * A session to continue after its host stopped (a crash or a restart): the state projected from
 * the recorded log, and the log's last sequence number, after which numbering goes on.
 */
export interface SessionResume {
  state: SessionState;
  lastSeq: number;
}

/** What to reinstall: the rules as the session had them, and code rules this build no longer has. */
export interface ResumedRules {
  rules: ConsistencyRule[];
  missingCode: string[];
}

/**
 * The recovered session's rules in the order added, edits and removals included. A rule with a
 * code check gets it back from `codeRules` (code is not recorded, only that it existed).
 *
 * @example
 * resumedRules(state, defaultRules()); // { rules: [{ ruleId: 'mass_budget', validate, … }], missingCode: [] }
 */
export function resumedRules(state: SessionState, codeRules: readonly ConsistencyRule[]): ResumedRules {
  const code = new Map(codeRules.map((rule) => [rule.ruleId, rule.validate]));
  const rules: ConsistencyRule[] = [];
  const missingCode: string[] = [];
  for (const ruleId of state.ruleOrder) {
    const recorded = state.rules[ruleId];
    if (!recorded) continue;
    const { codeCheck, ...spec } = recorded;
    const validate = code.get(ruleId);
    if (!codeCheck) rules.push(spec);
    else if (validate) rules.push({ ...spec, validate });
    else missingCode.push(ruleId);
  }
  return { rules, missingCode };
}

/** Why work that was under way when the host stopped ends without a user asking. */
export const INTERRUPTED_REASON = 'interrupted: the host stopped while it was under way';

/**
 * Publishes the end of what could not survive the host: running optimizations and simulations are
 * cancelled, dead letters (whose retry queue lived in the host) are discarded, and code rules this
 * build lacks are removed with an error saying so. Every view heals from these events alone.
 */
export function publishInterruptions(state: SessionState, publish: Publish, sourceEngine: EngineId, missingCode: readonly string[]): void {
  for (const taskId of state.taskOrder) {
    const task = state.tasks[taskId];
    if (task?.status !== 'running') continue;
    const data = { taskId, cancelled: true, durationMs: Math.max(0, Date.now() - task.startedAt), result: null, reason: INTERRUPTED_REASON };
    const link = { sourceEngine, correlationId: taskId, configVersion: task.configVersion };
    if (task.kind === 'optimization') publish({ eventType: 'optimization_cancelled', ...link, data });
    else publish({ eventType: 'simulation_cancelled', ...link, data });
  }
  for (const letter of state.deadLetters) {
    publish({
      eventType: 'dead_letter_resolved',
      sourceEngine,
      data: { originalEventId: letter.originalEventId, engineId: letter.engineId, outcome: 'discarded', reason: INTERRUPTED_REASON }
    });
  }
  for (const ruleId of missingCode) {
    publish({
      eventType: 'error_occurred',
      sourceEngine,
      priority: 'HIGH',
      data: { engineId: sourceEngine, origin: 'host', message: `rule "${ruleId}" had a code check this build does not have; it was removed` }
    });
    publish({ eventType: 'rule_removed', sourceEngine: CONSISTENCY_MANAGER_SOURCE, data: { ruleId } });
  }
}
