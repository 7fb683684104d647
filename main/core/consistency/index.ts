export {
  DataConsistencyManager,
  CONSISTENCY_MANAGER_SOURCE,
  type CheckCause,
  type DataConsistencyManagerOptions,
  type RuleInvalidation
} from './data-consistency-manager';
export type { ConsistencyRulePatch } from './rule-book';
export { isRuleEnabled } from './rule-book';
export { changedTopLevelFields, numbersAgree, valuesAgree } from './compare-values';
export { checkRulePair, WHOLE_RULE_FIELD } from './rule-check';
export { DEFAULT_MAX_RESOLVED_VIOLATIONS } from './violation-ledger';
export { versionAgreementRule } from './version-agreement';
