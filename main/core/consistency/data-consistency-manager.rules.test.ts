import { describe, expect, it } from 'vitest';
import type { ConsistencyRule, RuleValidator } from '../../../shared/consistency';
import type { EngineEvent } from '../../../shared/events';
import { CONSISTENCY_MANAGER_SOURCE, DataConsistencyManager } from './data-consistency-manager';
import { MAX_RULES } from './rule-book';
import { expectStateMatches, massBudget, setup } from './test-consistency';

describe('DataConsistencyManager rules as events', () => {
  it('publishes rule_added, rule_updated and rule_removed, with codeCheck saying whether code decides', () => {
    const context = setup();
    const { manager, published } = context;
    const validate: RuleValidator = () => [];
    manager.addConsistencyRule(massBudget, { correlationId: 'k-1', causationId: 'c-1', configVersion: 4 });
    manager.addConsistencyRule({ ...massBudget, ruleId: 'coded', validate });
    const [added, coded] = published() as [EngineEvent<'rule_added'>, EngineEvent<'rule_added'>];
    expect(added).toMatchObject({
      eventType: 'rule_added',
      sourceEngine: CONSISTENCY_MANAGER_SOURCE,
      correlationId: 'k-1',
      causationId: 'c-1',
      configVersion: 4,
      data: { rule: { ...massBudget, codeCheck: false } }
    });
    expect(coded.data.rule).toEqual({ ...massBudget, ruleId: 'coded', codeCheck: true });
    expect(coded.data.rule).not.toHaveProperty('validate');
    expectStateMatches(context);

    manager.updateConsistencyRule('coded', { validate: undefined, severity: 'warning' });
    const updated = published().at(-1) as EngineEvent<'rule_updated'>;
    expect(updated.eventType).toBe('rule_updated');
    expect(updated.data.rule).toMatchObject({ ruleId: 'coded', severity: 'warning', codeCheck: false });
    expectStateMatches(context);

    manager.removeConsistencyRule('mass_budget');
    expect(published().at(-1)).toMatchObject({ eventType: 'rule_removed', data: { ruleId: 'mass_budget' } });
    expect(manager.getRules().map((rule) => rule.ruleId)).toEqual(['coded']);
    expectStateMatches(context);
  });

  it('refuses a bad rule shape naming the field, and publishes nothing for it', () => {
    const { manager, types } = setup();
    const bad = (rule: unknown): ConsistencyRule => rule as ConsistencyRule;
    expect(() => manager.addConsistencyRule(bad({ ...massBudget, severity: 'fatal' }))).toThrow(/invalid consistency rule "mass_budget": severity/);
    expect(() => manager.addConsistencyRule(bad({ ...massBudget, dependentEngines: [42] }))).toThrow(/dependentEngines\.0/);
    expect(() => manager.addConsistencyRule(bad({ ...massBudget, dependentEngines: [] }))).toThrow(/dependentEngines/);
    expect(() => manager.addConsistencyRule(bad({ ...massBudget, extra: 1 }))).toThrow(/extra/);
    expect(() => manager.addConsistencyRule(bad({ ...massBudget, validate: 'code' }))).toThrow(/validate: expected a function/);
    expect(() => manager.updateConsistencyRule('nope', { severity: 'info' })).toThrow(/"nope" does not exist/);
    expect(() => manager.removeConsistencyRule('nope')).toThrow(/"nope" does not exist/);
    expect(types()).toEqual([]);
    manager.addConsistencyRule(massBudget);
    expect(() => manager.addConsistencyRule(massBudget)).toThrow(/"mass_budget" already exists/);
    expect(() => manager.updateConsistencyRule('mass_budget', { tolerance: { relative: -1 } })).toThrow(/tolerance\.relative/);
    expect(types()).toEqual(['rule_added']);
    expect(manager.getRules()).toEqual([massBudget]);
  });
});

describe('DataConsistencyManager edits and removal', () => {
  it('an edit resolves the violations the rule no longer covers and re-checks the rest', () => {
    const context = setup();
    const { manager, output } = context;
    manager.addConsistencyRule({ ...massBudget, dependentEngines: ['materials', 'propulsion'], dataFields: ['totalMassKg', 'spanM'] });
    output('design', { totalMassKg: 20_000, spanM: 10 });
    output('materials', { totalMassKg: 20_050, spanM: 12 });
    output('propulsion', { totalMassKg: 20_050, spanM: 10 });
    expect(manager.validateAll().opened).toHaveLength(3);

    const loosened = manager.updateConsistencyRule('mass_budget', { tolerance: { relative: 0.01 } });
    expect(loosened.resolved.map((v) => [v.dependentEngine, v.field, v.resolution])).toEqual([
      ['materials', 'totalMassKg', 'passed'],
      ['propulsion', 'totalMassKg', 'passed']
    ]);
    expect(loosened.stillOpen.map((v) => v.field)).toEqual(['spanM']);

    const tightened = manager.updateConsistencyRule('mass_budget', { tolerance: { absolute: 1 } });
    expect(tightened.opened.map((v) => [v.dependentEngine, v.field])).toEqual([
      ['materials', 'totalMassKg'],
      ['propulsion', 'totalMassKg']
    ]);

    const narrowed = manager.updateConsistencyRule('mass_budget', { dataFields: ['totalMassKg'] });
    expect(narrowed.resolved.map((v) => [v.field, v.resolution])).toEqual([['spanM', 'no_longer_checked']]);

    const dropped = manager.updateConsistencyRule('mass_budget', { dependentEngines: ['materials'] });
    expect(dropped.resolved.map((v) => [v.dependentEngine, v.resolution])).toEqual([['propulsion', 'no_longer_checked']]);
    expect(dropped.stillOpen.map((v) => v.dependentEngine)).toEqual(['materials']);

    const disabled = manager.updateConsistencyRule('mass_budget', { enabled: false });
    expect(disabled.resolved.map((v) => v.resolution)).toEqual(['rule_disabled']);
    expect(manager.validateAll()).toMatchObject({ checkedRules: [], opened: [] });
    expect(manager.updateConsistencyRule('mass_budget', { enabled: true }).opened).toHaveLength(1);
    expectStateMatches(context);
  });

  it('dropping a code check resolves the whole-rule violations only code could report', () => {
    const context = setup();
    const { manager, output } = context;
    const wholeRule: RuleValidator = () => [{ passed: false, expected: 'balanced', actual: 'tail heavy' }];
    output('design', { totalMassKg: 1 });
    output('materials', { totalMassKg: 1 });
    const opened = manager.addConsistencyRule({ ...massBudget, validate: wholeRule }).opened;
    expect(opened).toMatchObject([{ ruleId: 'mass_budget', expected: 'balanced' }]);
    expect(opened[0]).not.toHaveProperty('field');
    // The default check compares totalMassKg only: nothing could ever resolve a field-less violation.
    const edited = manager.updateConsistencyRule('mass_budget', { validate: undefined });
    expect(edited.resolved.map((v) => [v.violationId, v.resolution])).toEqual([[opened[0]?.violationId, 'no_longer_checked']]);
    expect(manager.getOpenViolations()).toEqual([]);
    expectStateMatches(context);
  });

  it('removing a rule resolves its violations and no other rule’s', () => {
    const context = setup();
    const { manager, output, published } = context;
    manager.addConsistencyRule({ ...massBudget, dataFields: ['totalMassKg', 'spanM'] });
    manager.addConsistencyRule({ ...massBudget, ruleId: 'mass_copy' });
    output('design', { totalMassKg: 1, spanM: 1 });
    output('materials', { totalMassKg: 2, spanM: 2 });
    manager.validateAll();
    const removed = manager.removeConsistencyRule('mass_budget', { causationId: 'user' });
    expect(removed.map((v) => [v.ruleId, v.field, v.resolution])).toEqual([
      ['mass_budget', 'totalMassKg', 'rule_removed'],
      ['mass_budget', 'spanM', 'rule_removed']
    ]);
    expect(published().slice(-3).map((event) => [event.eventType, event.causationId])).toEqual([
      ['rule_removed', 'user'],
      ['violation_resolved', 'user'],
      ['violation_resolved', 'user']
    ]);
    expect(manager.getOpenViolations().map((v) => v.ruleId)).toEqual(['mass_copy']);
    expect(manager.getRuleCoverage().map((c) => c.ruleId)).toEqual(['mass_copy']);
    expectStateMatches(context);
  });
});

describe('how many rules', () => {
  it('a session holds at most MAX_RULES, and says so naming the refused rule', () => {
    const consistency = new DataConsistencyManager({ publish: () => ({ eventId: 'e', seq: 1 }), entryOf: () => undefined });
    const rule = (i: number): ConsistencyRule => ({ ruleId: `r${i}`, sourceEngine: 'design', dependentEngines: ['materials'], dataFields: [], autoUpdate: false, severity: 'info', description: '' });
    for (let i = 0; i < MAX_RULES; i++) consistency.addConsistencyRule(rule(i));
    expect(() => consistency.addConsistencyRule(rule(MAX_RULES))).toThrow(`a session holds at most ${MAX_RULES} consistency rules; remove one before adding "r${MAX_RULES}"`);
    consistency.removeConsistencyRule('r0');
    expect(() => consistency.addConsistencyRule(rule(MAX_RULES))).not.toThrow();
  });
});
