import type { ConsistencyRuleSpec } from '../../../../shared/consistency';
import type { RuleEdit } from '../../../../shared/protocol';
import { rulePatch } from '../rules/rule-form';

/**
 * The rules a what-if re-judges with, as the user edits them: edited copies of recorded rules,
 * recorded rules taken out, and new rules. Kept as rules (not as edits) so the form always shows
 * each rule as it would be; `ruleEditsOf` turns it into the edits the host applies.
 */
export interface RuleDraft {
  /** Edited copies of recorded rules, by rule id. */
  updated: Readonly<Record<string, ConsistencyRuleSpec>>;
  removed: readonly string[];
  added: readonly ConsistencyRuleSpec[];
}

export const EMPTY_RULE_DRAFT: RuleDraft = { updated: {}, removed: [], added: [] };

/** The draft with `rule` (a recorded rule's id) edited; an edit back to the recorded rule drops out. */
export function withUpdatedRule(draft: RuleDraft, recorded: ConsistencyRuleSpec, edited: ConsistencyRuleSpec): RuleDraft {
  const { [recorded.ruleId]: _previous, ...others } = draft.updated;
  const same = Object.keys(rulePatch(recorded, edited)).length === 0;
  return { ...draft, updated: same ? others : { ...others, [recorded.ruleId]: edited } };
}

/** The draft with a recorded rule taken out (or put back). */
export function withRemovedRule(draft: RuleDraft, ruleId: string, removed: boolean): RuleDraft {
  const others = draft.removed.filter((id) => id !== ruleId);
  return { ...draft, removed: removed ? [...others, ruleId] : others };
}

export function withAddedRule(draft: RuleDraft, rule: ConsistencyRuleSpec): RuleDraft {
  return { ...draft, added: [...draft.added.filter((r) => r.ruleId !== rule.ruleId), rule] };
}

export function withoutAddedRule(draft: RuleDraft, ruleId: string): RuleDraft {
  return { ...draft, added: draft.added.filter((r) => r.ruleId !== ruleId) };
}

/**
 * The edits the draft makes to the recorded rules, in rule order, additions last. A removed
 * rule is removed whatever else was edited in it; an edited one sends only what changed.
 *
 * @example
 * ruleEditsOf([powerBudget], withUpdatedRule(EMPTY_RULE_DRAFT, powerBudget, { ...powerBudget, enabled: false }));
 * // [{ kind: 'update', ruleId: 'power_budget', patch: { enabled: false } }]
 */
export function ruleEditsOf(recorded: readonly ConsistencyRuleSpec[], draft: RuleDraft): RuleEdit[] {
  const edits: RuleEdit[] = [];
  for (const rule of recorded) {
    if (draft.removed.includes(rule.ruleId)) {
      edits.push({ kind: 'remove', ruleId: rule.ruleId });
      continue;
    }
    const edited = draft.updated[rule.ruleId];
    const patch = edited ? rulePatch(rule, edited) : {};
    if (Object.keys(patch).length > 0) edits.push({ kind: 'update', ruleId: rule.ruleId, patch });
  }
  for (const rule of draft.added) edits.push({ kind: 'add', rule });
  return edits;
}

function toleranceText(tolerance: ConsistencyRuleSpec['tolerance']): string {
  const parts: string[] = [];
  if (tolerance?.relative !== undefined) parts.push(`±${Number((tolerance.relative * 100).toPrecision(3))} %`);
  if (tolerance?.absolute !== undefined) parts.push(`±${tolerance.absolute} abs`);
  return parts.join(' or ') || 'exact';
}

/**
 * One edit in words, for the list of edits.
 *
 * @example
 * describeRuleEdit({ kind: 'update', ruleId: 'power_budget', patch: { severity: 'warning', enabled: false } });
 * // 'power_budget: severity → warning, disabled'
 */
export function describeRuleEdit(edit: RuleEdit): string {
  if (edit.kind === 'remove') return `${edit.ruleId}: removed`;
  if (edit.kind === 'add') return `${edit.rule.ruleId}: added (${edit.rule.sourceEngine} → ${edit.rule.dependentEngines.join(', ')}, ${edit.rule.severity})`;
  const { patch } = edit;
  const parts: string[] = [];
  if (patch.enabled !== undefined) parts.push(patch.enabled ? 'enabled' : 'disabled');
  if (patch.severity !== undefined) parts.push(`severity → ${patch.severity}`);
  if (patch.tolerance !== undefined) parts.push(`tolerance → ${toleranceText(patch.tolerance)}`);
  if (patch.dataFields !== undefined) parts.push(`fields → ${patch.dataFields.join(', ') || 'any'}`);
  if (patch.autoUpdate !== undefined) parts.push(patch.autoUpdate ? 'auto-update on' : 'auto-update off');
  if (patch.description !== undefined) parts.push('description edited');
  return `${edit.ruleId}: ${parts.join(', ')}`;
}
