import type { Violation } from '../../../../shared/consistency';
import type { ConditionFacts } from '../../../store/session/condition-facts';

/** Open violations that share a cause: the engine that failed (or was given up), and what it opened. */
export interface ViolationGroup {
  /** The failed engine behind every violation of the group; null for those with no such cause. */
  rootEngine: string | null;
  violations: Violation[];
}

/** The failed engine an engine's condition goes back to, or null when it is not held up by one. */
function failedOrigin(engineId: string, conditions: Readonly<Record<string, ConditionFacts>>): string | null {
  const facts = conditions[engineId];
  if (!facts) return null;
  if (facts.status === 'failed') return engineId;
  if (facts.status === 'blocked') return facts.blockedOn;
  if (facts.status === 'degraded') return facts.degradedBy[0] ?? null;
  return null;
}

/**
 * Groups open violations by root cause: a violation whose dependent (or else source) is failed,
 * blocked on a failed engine, or computed from a given-up one belongs to that engine's group.
 * One failed engine opening seven violations reads as one cause, seven effects. Groups come in
 * the order of their first violation; the violations without a failed cause come last.
 *
 * @example
 * groupByRootCause(open, selectConditionFacts(state)); // [{ rootEngine: 'materials', violations: [5] }, { rootEngine: null, … }]
 */
export function groupByRootCause(violations: readonly Violation[], conditions: Readonly<Record<string, ConditionFacts>>): ViolationGroup[] {
  const groups = new Map<string | null, Violation[]>();
  for (const v of violations) {
    const root = failedOrigin(v.dependentEngine, conditions) ?? failedOrigin(v.sourceEngine, conditions);
    const group = groups.get(root);
    if (group) group.push(v);
    else groups.set(root, [v]);
  }
  const out = [...groups].map(([rootEngine, list]) => ({ rootEngine, violations: list }));
  return [...out.filter((g) => g.rootEngine !== null), ...out.filter((g) => g.rootEngine === null)];
}
