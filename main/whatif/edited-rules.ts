import type { z } from 'zod';
import { ConsistencyRuleSpecPatchSchema, ConsistencyRuleSpecSchema, type ConsistencyRule } from '../../shared/consistency';
import type { EngineId } from '../../shared/events';
import type { SessionState } from '../../shared/projection';
import type { RuleEdit } from '../../shared/protocol/whatif';
import { resumedRules } from '../core/coordinator/session-resume';
import { defaultRules } from '../engines/session/default-rules';

export interface EditedRulesOptions {
  /** Where a recorded rule with `codeCheck` gets its code back, by rule id. Default `defaultRules()`. */
  codeRules?: readonly ConsistencyRule[];
}

/**
 * The rules a what-if re-judges with: the recorded ones (`state.rules` in the order added, each
 * code check restored by rule id, as a resumed session restores them) with `edits` applied in
 * order. An added rule uses the default field check (code is not serialisable). Each edit is
 * parsed with the rule schemas, so a mistake comes back as an Error naming the edit, the rule
 * and the field; an unknown rule or engine id is named with the known ones listed.
 *
 * @example
 * editedRules(recordedState, [
 *   { kind: 'update', ruleId: 'engine_spec', patch: { tolerance: { relative: 0.0001 } } },
 *   { kind: 'remove', ruleId: 'material_processes' },
 *   { kind: 'add', rule: { ruleId: 'same_mass', sourceEngine: 'design', dependentEngines: ['propulsion'],
 *     dataFields: ['loadedMassKg'], autoUpdate: false, severity: 'warning', description: 'T/W is quoted at the design mass' } }
 * ]);
 */
export function editedRules(state: SessionState, edits: readonly RuleEdit[], options: EditedRulesOptions = {}): ConsistencyRule[] {
  const { rules, missingCode } = resumedRules(state, options.codeRules ?? defaultRules());
  if (missingCode.length > 0) {
    throw new Error(`recorded rules with a code check this build does not have: ${missingCode.join(', ')}`);
  }
  const byId = new Map(rules.map((rule) => [rule.ruleId, rule]));
  edits.forEach((edit, index) => applyEdit(byId, edit, `edit ${index + 1}`, state.engineOrder));
  return [...byId.values()];
}

function applyEdit(byId: Map<string, ConsistencyRule>, edit: RuleEdit, label: string, engines: readonly EngineId[]): void {
  switch (edit.kind) {
    case 'add': {
      const rule = parseOrThrow(ConsistencyRuleSpecSchema, edit.rule, `${label} (add)`);
      const what = `${label} (add "${rule.ruleId}")`;
      if (byId.has(rule.ruleId)) throw new Error(`${what}: rule "${rule.ruleId}" already exists; update it instead`);
      checkEngines(rule, engines, what);
      byId.set(rule.ruleId, rule);
      return;
    }
    case 'update': {
      const what = `${label} (update "${edit.ruleId}")`;
      const before = requireRule(byId, edit.ruleId, what);
      const patch = parseOrThrow(ConsistencyRuleSpecPatchSchema, edit.patch, what);
      // The code check, if any, stays: only the serialisable part is edited.
      const after: ConsistencyRule = { ...before, ...patch };
      checkEngines(after, engines, what);
      byId.set(edit.ruleId, after);
      return;
    }
    case 'remove':
      requireRule(byId, edit.ruleId, `${label} (remove "${edit.ruleId}")`);
      byId.delete(edit.ruleId);
      return;
    default: {
      const kind = (edit as { kind?: unknown }).kind;
      throw new Error(`${label}: kind: expected "add", "update" or "remove", got ${JSON.stringify(kind)}`);
    }
  }
}

function requireRule(byId: ReadonlyMap<string, ConsistencyRule>, ruleId: string, what: string): ConsistencyRule {
  const rule = byId.get(ruleId);
  if (!rule) throw new Error(`${what}: unknown rule "${ruleId}"; rules: ${[...byId.keys()].join(', ') || '(none)'}`);
  return rule;
}

/** A rule naming an engine the session never had would never be checked: refused, naming it. */
function checkEngines(rule: ConsistencyRule, engines: readonly EngineId[], what: string): void {
  if (engines.length === 0) return;
  const named: [string, EngineId][] = [
    ['sourceEngine', rule.sourceEngine],
    ...rule.dependentEngines.map((id, i): [string, EngineId] => [`dependentEngines.${i}`, id])
  ];
  for (const [path, engineId] of named) {
    if (!engines.includes(engineId)) throw new Error(`${what}: ${path}: unknown engine "${engineId}"; engines: ${engines.join(', ')}`);
  }
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`${what}: ${problems.join('; ')}`);
}
