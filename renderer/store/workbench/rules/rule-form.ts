import type { ConsistencyRuleSpec, ConsistencyRuleSpecPatch, Severity, Tolerance } from '../../../../shared/consistency';

/** The add-rule form as the user typed it. */
export interface RuleFormValues {
  ruleId: string;
  sourceEngine: string;
  dependentEngines: string[];
  /** Comma-separated field names; empty = any field. */
  fields: string;
  severity: Severity;
  /** Relative tolerance as typed (e.g. "0.01"); empty = none. */
  relative: string;
  absolute: string;
  autoUpdate: boolean;
  description: string;
}

/** The form fields an error can point at. */
export type RuleFormField = 'ruleId' | 'sourceEngine' | 'dependentEngines' | 'fields' | 'severity' | 'tolerance' | 'description' | 'form';

export type RuleFormResult = { ok: true; spec: ConsistencyRuleSpec } | { ok: false; errors: Partial<Record<RuleFormField, string>> };

/** Parses a tolerance from its two inputs; an error message for a bad number. */
export function parseTolerance(relative: string, absolute: string): { tolerance?: Tolerance; error?: string } {
  const tolerance: Tolerance = {};
  for (const [key, text] of [['relative', relative], ['absolute', absolute]] as const) {
    if (text.trim() === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) return { error: `${key} tolerance must be a number ≥ 0` };
    tolerance[key] = value;
  }
  return Object.keys(tolerance).length > 0 ? { tolerance } : {};
}

/** Field names from their comma-separated text; none = any field. */
export function parseFieldList(text: string): string[] {
  return text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

/**
 * Checks the form and builds the rule spec `rules.add` takes; errors name the form field.
 *
 * @example
 * buildRuleSpec({ ...values, ruleId: '' }) // { ok: false, errors: { ruleId: 'give the rule an id' } }
 */
export function buildRuleSpec(values: RuleFormValues): RuleFormResult {
  const errors: Partial<Record<RuleFormField, string>> = {};
  const ruleId = values.ruleId.trim();
  if (!ruleId) errors.ruleId = 'give the rule an id';
  else if (!/^[A-Za-z0-9_.:-]+$/.test(ruleId)) errors.ruleId = 'use letters, digits, _ . : - only';
  if (!values.sourceEngine) errors.sourceEngine = 'choose the source engine';
  const dependents = values.dependentEngines.filter((e) => e !== values.sourceEngine);
  if (dependents.length === 0) errors.dependentEngines = 'choose at least one dependent engine other than the source';
  const { tolerance, error } = parseTolerance(values.relative, values.absolute);
  if (error) errors.tolerance = error;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const spec: ConsistencyRuleSpec = {
    ruleId,
    sourceEngine: values.sourceEngine,
    dependentEngines: dependents,
    dataFields: parseFieldList(values.fields),
    autoUpdate: values.autoUpdate,
    severity: values.severity,
    description: values.description.trim() || `${values.sourceEngine} agrees with ${dependents.join(', ')}`
  };
  if (tolerance) spec.tolerance = tolerance;
  return { ok: true, spec };
}

/**
 * The form field a host error points at: `error.field` is a dotted path of the payload
 * (`dependentEngines`, `dataFields.0`, `tolerance.relative`); a duplicate id names none.
 */
export function formFieldOfError(error: { message: string; field?: string }): RuleFormField {
  const head = error.field?.split('.')[0];
  switch (head) {
    case 'ruleId':
    case 'sourceEngine':
    case 'dependentEngines':
    case 'severity':
    case 'tolerance':
    case 'description':
      return head;
    case 'dataFields':
      return 'fields';
    default:
      return /already exists/.test(error.message) ? 'ruleId' : 'form';
  }
}

/** The patch an edited rule sends: only what changed. */
export function rulePatch(rule: ConsistencyRuleSpec, edited: ConsistencyRuleSpec): ConsistencyRuleSpecPatch {
  const patch: ConsistencyRuleSpecPatch = {};
  if (edited.severity !== rule.severity) patch.severity = edited.severity;
  if ((edited.enabled ?? true) !== (rule.enabled ?? true)) patch.enabled = edited.enabled ?? true;
  if (edited.autoUpdate !== rule.autoUpdate) patch.autoUpdate = edited.autoUpdate;
  if (edited.description !== rule.description) patch.description = edited.description;
  if (edited.dataFields.join(',') !== rule.dataFields.join(',')) patch.dataFields = edited.dataFields;
  if (JSON.stringify(edited.tolerance ?? {}) !== JSON.stringify(rule.tolerance ?? {})) patch.tolerance = edited.tolerance ?? {};
  return patch;
}
