import type { CachedEntry, ConsistencyRule, RuleFinding } from '../../../shared/consistency';
import type { EngineId } from '../../../shared/events';
import { valuesAgree } from './compare-values';

/** How coverage lists a finding that names no field. */
export const WHOLE_RULE_FIELD = '*';

/**
 * Checks one (source, dependent) pair of a rule and returns its findings.
 *
 * Without an entry on one side nothing can be compared: every field of the rule (or `*` for a
 * rule without fields) comes back not compared, naming the side that lacked it. Otherwise a
 * rule's `validate` decides (a throw becomes a not-compared finding carrying the error), or the
 * default check compares each of `dataFields`: numbers within the rule's tolerance, anything
 * else by deep equality. A value that is `undefined` on either side is not compared.
 *
 * @example
 * checkRulePair(rule, 'materials', designEntry, materialsEntry);
 * // [{ field: 'totalMassKg', passed: false, expected: 19700, actual: 19900 }]
 */
export function checkRulePair(
  rule: ConsistencyRule,
  dependentEngine: EngineId,
  source: CachedEntry | undefined,
  dependent: CachedEntry | undefined
): RuleFinding[] {
  if (!source || !dependent) {
    const missingOn = sideMissing(source === undefined, dependent === undefined);
    const lacking: RuleFinding = {
      passed: false,
      compared: false,
      missingOn,
      expected: undefined,
      actual: undefined
    };
    const lackers = lackingEngines(lacking, rule.sourceEngine, dependentEngine);
    const message = `no cached data from ${lackers.join(' and ')}`;
    const fields = rule.dataFields.length > 0 ? rule.dataFields : [undefined];
    return fields.map((field) => ({
      ...lacking,
      ...(field === undefined ? {} : { field }),
      message
    }));
  }
  if (rule.validate) {
    try {
      return rule.validate(source, dependent, rule);
    } catch (error) {
      return [
        {
          passed: false,
          compared: false,
          expected: undefined,
          actual: undefined,
          message: `validate threw: ${error instanceof Error ? error.message : String(error)}`
        }
      ];
    }
  }
  return rule.dataFields.map((field) =>
    compareField(rule, field, source.data[field], dependent.data[field])
  );
}

/** The engines a not-compared finding says lacked the value. */
export function lackingEngines(
  finding: RuleFinding,
  sourceEngine: EngineId,
  dependentEngine: EngineId
): EngineId[] {
  switch (finding.missingOn) {
    case 'source':
      return [sourceEngine];
    case 'dependent':
      return [dependentEngine];
    case 'both':
      return [sourceEngine, dependentEngine];
    default:
      return [];
  }
}

function compareField(
  rule: ConsistencyRule,
  field: string,
  expected: unknown,
  actual: unknown
): RuleFinding {
  if (expected === undefined || actual === undefined) {
    const missingOn = sideMissing(expected === undefined, actual === undefined);
    return { field, passed: false, compared: false, missingOn, expected, actual };
  }
  return { field, passed: valuesAgree(expected, actual, rule.tolerance), expected, actual };
}

function sideMissing(
  sourceMissing: boolean,
  dependentMissing: boolean
): 'source' | 'dependent' | 'both' {
  if (sourceMissing && dependentMissing) return 'both';
  return sourceMissing ? 'source' : 'dependent';
}
