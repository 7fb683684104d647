import type { Violation } from '../../shared/consistency';
import type { ChangedViolation, ViolationDelta, WhatIfViolation } from '../../shared/protocol/whatif';

/**
 * A violation's identity, as the consistency manager keys it: (ruleId, sourceEngine,
 * dependentEngine, field). Two runs never share violation ids, so this is what they compare.
 *
 * @example
 * violationKey({ ruleId: 'power_budget', sourceEngine: 'design', dependentEngine: 'sensors', field: 'powerDemandKW' });
 * // '["power_budget","design","sensors","powerDemandKW"]'
 */
export function violationKey(violation: Pick<Violation, 'ruleId' | 'sourceEngine' | 'dependentEngine' | 'field'>): string {
  return JSON.stringify([violation.ruleId, violation.sourceEngine, violation.dependentEngine, violation.field ?? null]);
}

/**
 * Open violations by identity. A recorded state keys them by id, so this is built where two
 * sets are compared.
 *
 * @example
 * const open = openByKey(Object.values(state.violations.open));
 */
export function openByKey(violations: Iterable<Violation>): Map<string, Violation> {
  const byKey = new Map<string, Violation>();
  for (const violation of violations) byKey.set(violationKey(violation), violation);
  return byKey;
}

/**
 * A violation as a what-if reports it: identity and figures, without the ids and times that
 * differ between a recording and a sandbox.
 *
 * @example
 * whatIfViolation(openViolation); // { ruleId: 'power_budget', sourceEngine: 'design', …, message: '…' }
 */
export function whatIfViolation(violation: Violation): WhatIfViolation {
  const item: WhatIfViolation = {
    ruleId: violation.ruleId,
    sourceEngine: violation.sourceEngine,
    dependentEngine: violation.dependentEngine,
    severity: violation.severity,
    expected: violation.expected,
    actual: violation.actual,
    message: violation.message
  };
  if (violation.field !== undefined) item.field = violation.field;
  return item;
}

/**
 * Whether two open violations with one identity differ in their figures: the same comparison
 * the violation ledger makes before it publishes `violation_updated`.
 */
function figuresDiffer(a: Violation, b: Violation): boolean {
  return (
    a.severity !== b.severity ||
    a.message !== b.message ||
    JSON.stringify([a.expected, a.actual]) !== JSON.stringify([b.expected, b.actual])
  );
}

function figures(violation: Violation): ChangedViolation['recorded'] {
  return { severity: violation.severity, expected: violation.expected, actual: violation.actual, message: violation.message };
}

/**
 * What differs between the violations the recording had open and those open under the edited
 * rules: `opened` only under the edited rules, `noLongerOpened` only in the recording, `changed`
 * in both with other figures. Each list in the order of its source.
 *
 * @example
 * const delta = violationDelta(openByKey(recordedOpen), openByKey(sandbox.getOpenViolations()));
 * isEmptyDelta(delta); // true when the edited rules judge as the recording did
 */
export function violationDelta(recorded: ReadonlyMap<string, Violation>, edited: ReadonlyMap<string, Violation>): ViolationDelta {
  const delta: ViolationDelta = { opened: [], noLongerOpened: [], changed: [] };
  for (const [key, violation] of edited) {
    const before = recorded.get(key);
    if (!before) delta.opened.push(whatIfViolation(violation));
    else if (figuresDiffer(before, violation)) {
      const { ruleId, sourceEngine, dependentEngine, field } = whatIfViolation(violation);
      const changed: ChangedViolation = { ruleId, sourceEngine, dependentEngine, recorded: figures(before), edited: figures(violation) };
      if (field !== undefined) changed.field = field;
      delta.changed.push(changed);
    }
  }
  for (const [key, violation] of recorded) if (!edited.has(key)) delta.noLongerOpened.push(whatIfViolation(violation));
  return delta;
}

/**
 * Whether a delta lists nothing.
 *
 * @example
 * isEmptyDelta({ opened: [], noLongerOpened: [], changed: [] }); // true
 */
export function isEmptyDelta(delta: ViolationDelta): boolean {
  return delta.opened.length === 0 && delta.noLongerOpened.length === 0 && delta.changed.length === 0;
}
