import { describe, expect, it } from 'vitest';
import type { ConsistencyRuleSpec } from '../../../../shared/consistency';
import { describeRuleEdit, EMPTY_RULE_DRAFT, ruleEditsOf, withAddedRule, withoutAddedRule, withRemovedRule, withUpdatedRule } from './rule-draft';

const power: ConsistencyRuleSpec = {
  ruleId: 'power_budget',
  sourceEngine: 'design',
  dependentEngines: ['sensors'],
  dataFields: ['powerDemandKW'],
  autoUpdate: false,
  severity: 'error',
  description: 'fits'
};
const mass: ConsistencyRuleSpec = { ...power, ruleId: 'mass_budget', dataFields: [] };
const added: ConsistencyRuleSpec = { ...power, ruleId: 'same_mass', severity: 'warning' };

describe('rule draft', () => {
  it('sends only what changed, removals, then additions', () => {
    let draft = withUpdatedRule(EMPTY_RULE_DRAFT, power, { ...power, enabled: false, tolerance: { relative: 0.05 } });
    draft = withRemovedRule(draft, 'mass_budget', true);
    draft = withAddedRule(draft, added);
    expect(ruleEditsOf([power, mass], draft)).toEqual([
      { kind: 'update', ruleId: 'power_budget', patch: { enabled: false, tolerance: { relative: 0.05 } } },
      { kind: 'remove', ruleId: 'mass_budget' },
      { kind: 'add', rule: added }
    ]);
  });

  it('drops an edit that returns to the recorded rule, and undoes removals and additions', () => {
    const edited = withUpdatedRule(EMPTY_RULE_DRAFT, power, { ...power, severity: 'warning' });
    expect(withUpdatedRule(edited, power, { ...power }).updated).toEqual({});
    const removed = withRemovedRule(EMPTY_RULE_DRAFT, 'power_budget', true);
    expect(withRemovedRule(removed, 'power_budget', false).removed).toEqual([]);
    expect(withoutAddedRule(withAddedRule(EMPTY_RULE_DRAFT, added), 'same_mass').added).toEqual([]);
    expect(ruleEditsOf([power], EMPTY_RULE_DRAFT)).toEqual([]);
  });

  it('a removed rule is removed whatever else was edited in it', () => {
    const draft = withRemovedRule(withUpdatedRule(EMPTY_RULE_DRAFT, power, { ...power, severity: 'info' }), 'power_budget', true);
    expect(ruleEditsOf([power], draft)).toEqual([{ kind: 'remove', ruleId: 'power_budget' }]);
  });

  it('describes each edit in words', () => {
    expect(describeRuleEdit({ kind: 'update', ruleId: 'power_budget', patch: { severity: 'warning', enabled: false } })).toBe('power_budget: disabled, severity → warning');
    expect(describeRuleEdit({ kind: 'update', ruleId: 'r', patch: { tolerance: { relative: 0.05 }, dataFields: [] } })).toBe('r: tolerance → ±5 %, fields → any');
    expect(describeRuleEdit({ kind: 'remove', ruleId: 'r' })).toBe('r: removed');
    expect(describeRuleEdit({ kind: 'add', rule: added })).toBe('same_mass: added (design → sensors, warning)');
  });
});
