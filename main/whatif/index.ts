export { rejudge, DEFAULT_MAX_REJUDGE_STEPS, type RejudgeOptions } from './rejudge';
export { editedRules, type EditedRulesOptions } from './edited-rules';
export { rerunChange, type RerunChangeOptions } from './rerun-change';
export { applyChoice, type ChangedConfiguration } from './one-choice';
export { RecordedChecks, type RecordedCheck, type RecordedCheckListener } from './recorded-checks';
export { SandboxJudge } from './sandbox-judge';
export { compareOutputs } from './compare-outputs';
export { outputUnit } from './output-units';
export { isEmptyDelta, openByKey, violationDelta, violationKey, whatIfViolation } from './violation-delta';
