import type { StateCreator } from 'zustand';
import type { ConsistencyCheckResult, ConsistencyRuleSpec, ConsistencyRuleSpecPatch, RuleCoverage } from '../../../../shared/consistency';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';

/** What the last rule edit or addition did, shown next to the rules. */
export interface RuleChangeSummary {
  ruleId: string;
  action: 'updated' | 'added';
  opened: number;
  resolved: number;
  stillOpen: number;
  at: number;
}

/** A failed rule edit: the message, and the offending field when the host named one. */
export interface RuleChangeError {
  message: string;
  field?: string;
}

export type RuleChangeOutcome = { ok: true; summary: RuleChangeSummary } | { ok: false; error: RuleChangeError };

export interface RulesSlice {
  rules: {
    list: ConsistencyRuleSpec[];
    coverage: Record<string, RuleCoverage>;
    loaded: boolean;
    error: string | null;
    lastChange: RuleChangeSummary | null;
    /** Fetches `rules.list` (rules and their coverage). */
    load(): Promise<void>;
    /** Edits a rule; violations recompute on the host and are refreshed here at once. */
    update(ruleId: string, patch: ConsistencyRuleSpecPatch): Promise<RuleChangeOutcome>;
    /** Adds a declarative rule; a bad spec comes back with the field to point at. */
    add(spec: ConsistencyRuleSpec): Promise<RuleChangeOutcome>;
  };
}

export const createRulesSlice: StateCreator<FlightdeckState, [], [], RulesSlice> = (set, get) => {
  const load = async (): Promise<void> => {
    const result = await bridge().invoke('rules.list', {});
    set((s) => ({
      rules: result.ok
        ? {
            ...s.rules,
            list: result.data.rules,
            coverage: Object.fromEntries(result.data.coverage.map((c) => [c.ruleId, c])),
            loaded: true,
            error: null
          }
        : { ...s.rules, error: result.error.message }
    }));
  };

  /** After a rule change: the summary, then violations, rules and rule edges reloaded together. */
  const afterChange = async (ruleId: string, action: RuleChangeSummary['action'], check: ConsistencyCheckResult): Promise<RuleChangeOutcome> => {
    const summary: RuleChangeSummary = {
      ruleId,
      action,
      opened: check.opened.length,
      resolved: check.resolved.length,
      stillOpen: check.stillOpen.length,
      at: Date.now()
    };
    set((s) => ({ rules: { ...s.rules, lastChange: summary } }));
    await Promise.all([get().violations.refresh(), load(), get().engines.loadGraph()]);
    return { ok: true, summary };
  };

  return {
    rules: {
      list: [],
      coverage: {},
      loaded: false,
      error: null,
      lastChange: null,
      load,
      update: async (ruleId, patch) => {
        const result = await bridge().invoke('rules.update', { ruleId, patch });
        if (!result.ok) return { ok: false, error: { message: result.error.message, field: result.error.field } };
        return afterChange(ruleId, 'updated', result.data);
      },
      add: async (spec) => {
        const result = await bridge().invoke('rules.add', spec);
        if (!result.ok) return { ok: false, error: { message: result.error.message, field: result.error.field } };
        return afterChange(spec.ruleId, 'added', result.data);
      }
    }
  };
};
