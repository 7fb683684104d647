import type { StateCreator } from 'zustand';
import type { ConsistencyCheckResult, ConsistencyRuleSpec, ConsistencyRuleSpecPatch, RuleCoverage } from '../../../../shared/consistency';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';

/** What the last rule change did, shown next to the rules. */
export interface RuleChangeSummary {
  ruleId: string;
  action: 'updated' | 'added' | 'removed';
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

/**
 * Rule edits from this window and each rule's coverage (what it compared: the consistency
 * manager's figures, fetched with `rules.list`). The rules themselves and their violations are
 * the session state's: they arrive as `rule_*` and `violation_*` events.
 */
export interface RulesSlice {
  rules: {
    coverage: Record<string, RuleCoverage>;
    error: string | null;
    lastChange: RuleChangeSummary | null;
    /** Fetches the coverage of every rule. */
    loadCoverage(): Promise<void>;
    update(ruleId: string, patch: ConsistencyRuleSpecPatch): Promise<RuleChangeOutcome>;
    /** Adds a declarative rule; a bad spec comes back with the field to point at. */
    add(spec: ConsistencyRuleSpec): Promise<RuleChangeOutcome>;
    /** Deletes a rule; its open violations resolve. */
    remove(ruleId: string): Promise<RuleChangeOutcome>;
  };
}

export const createRulesSlice: StateCreator<FlightdeckState, [], [], RulesSlice> = (set, get) => {
  const patch = (next: Partial<RulesSlice['rules']>): void => set((s) => ({ rules: { ...s.rules, ...next } }));

  const changed = (ruleId: string, action: RuleChangeSummary['action'], counts: Pick<RuleChangeSummary, 'opened' | 'resolved' | 'stillOpen'>): RuleChangeOutcome => {
    const summary: RuleChangeSummary = { ruleId, action, ...counts, at: Date.now() };
    patch({ lastChange: summary });
    void get().rules.loadCoverage();
    return { ok: true, summary };
  };
  const checked = (ruleId: string, action: RuleChangeSummary['action'], check: ConsistencyCheckResult): RuleChangeOutcome =>
    changed(ruleId, action, { opened: check.opened.length, resolved: check.resolved.length, stillOpen: check.stillOpen.length });
  const failed = (error: { message: string; field?: string }): RuleChangeOutcome => ({ ok: false, error: { message: error.message, field: error.field } });

  return {
    rules: {
      coverage: {},
      error: null,
      lastChange: null,
      loadCoverage: async () => {
        const result = await bridge().invoke('rules.list', {});
        patch(result.ok ? { coverage: Object.fromEntries(result.data.coverage.map((c) => [c.ruleId, c])), error: null } : { error: result.error.message });
      },
      update: async (ruleId, edit) => {
        const result = await bridge().invoke('rules.update', { ruleId, patch: edit });
        return result.ok ? checked(ruleId, 'updated', result.data) : failed(result.error);
      },
      add: async (spec) => {
        const result = await bridge().invoke('rules.add', spec);
        return result.ok ? checked(spec.ruleId, 'added', result.data) : failed(result.error);
      },
      remove: async (ruleId) => {
        const result = await bridge().invoke('rules.remove', { ruleId });
        return result.ok ? changed(ruleId, 'removed', { opened: 0, resolved: result.data.resolved.length, stillOpen: 0 }) : failed(result.error);
      }
    }
  };
};
