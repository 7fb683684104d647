export {
  DataConsistencyManager,
  CONSISTENCY_MANAGER_SOURCE,
  type DataConsistencyManagerOptions
} from './data-consistency-manager';
export type { CacheUpdateMeta, CacheUpdateResult } from './data-cache';
export type { ConsistencyRulePatch } from './rule-book';
export { isRuleEnabled } from './rule-book';
export type { PropagationCause, RecomputeHandler } from './invalidation';
export { changedTopLevelFields, numbersAgree, valuesAgree } from './compare-values';
export { checkRulePair, WHOLE_RULE_FIELD } from './rule-check';
export { DEFAULT_MAX_RESOLVED_VIOLATIONS } from './violation-ledger';
