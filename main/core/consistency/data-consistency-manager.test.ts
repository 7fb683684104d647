import { describe, expect, it } from 'vitest';
import {
  ConsistencyCheckResultSchema,
  ViolationReportSchema,
  type CachedEntry,
  type ConsistencyRule,
  type RuleValidator
} from '../../../shared/consistency';
import { EngineEventSchema, type EngineEvent, type EngineId, type EventInput } from '../../../shared/events';
import { EventLog } from '../log/event-log';
import { LiveProjection } from '../log/live-projection';
import { CONSISTENCY_MANAGER_SOURCE, DataConsistencyManager } from './data-consistency-manager';
import { versionAgreementRule } from './version-agreement';

/**
 * A manager publishing to a real log (with the session projection folding it) and reading the
 * engines' outputs from a map the test fills, as the coordinator would from the session state.
 */
function setup(options: { maxResolvedViolations?: number } = {}) {
  const log = new EventLog({ historySize: 10_000 });
  const projection = new LiveProjection(log);
  const entries = new Map<EngineId, CachedEntry>();
  const clock = { ms: 1_000 };
  const manager = new DataConsistencyManager({
    publish: (input) => log.append(input as EventInput),
    entryOf: (engineId) => entries.get(engineId),
    now: () => clock.ms,
    ...options
  });
  const output = (engineId: EngineId, data: Record<string, unknown>, configVersion = 1): void => {
    entries.set(engineId, { engineId, configVersion, data, updatedAt: clock.ms });
  };
  const published = (): EngineEvent[] => log.query();
  const types = (): string[] => published().map((event) => event.eventType);
  return { manager, log, projection, entries, clock, output, published, types };
}

const massBudget: ConsistencyRule = {
  ruleId: 'mass_budget',
  sourceEngine: 'design',
  dependentEngines: ['materials'],
  dataFields: ['totalMassKg'],
  autoUpdate: false,
  severity: 'error',
  description: 'materials agree with the design mass'
};

/** Every event the manager published is valid at a boundary, and the session state agrees with it. */
function expectStateMatches(context: ReturnType<typeof setup>): void {
  const { manager, projection, published } = context;
  for (const event of published()) expect(EngineEventSchema.safeParse(JSON.parse(JSON.stringify(event))).success).toBe(true);
  const state = projection.state;
  expect(Object.keys(state.violations.open).sort()).toEqual(manager.getOpenViolations().map((v) => v.violationId).sort());
  expect(state.ruleOrder).toEqual(manager.getRules().map((rule) => rule.ruleId));
  for (const rule of manager.getRules()) {
    const { validate, ...spec } = rule;
    expect(state.rules[rule.ruleId]).toEqual({ ...spec, codeCheck: validate !== undefined });
  }
}

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

describe('DataConsistencyManager violations', () => {
  it('opens one violation per (rule, source, dependent, field) and publishes it to the dependent', () => {
    const context = setup();
    const { manager, output, published } = context;
    manager.addConsistencyRule({ ...massBudget, dependentEngines: ['materials', 'propulsion'], dataFields: ['totalMassKg', 'spanM'] });
    manager.addConsistencyRule({ ...massBudget, ruleId: 'mass_copy', severity: 'warning' });
    output('design', { totalMassKg: 19_700, spanM: 10 });
    output('materials', { totalMassKg: 19_900, spanM: 11 });
    output('propulsion', { totalMassKg: 19_900, spanM: 10 });
    const result = manager.validateAll({ causationId: 'c-1', correlationId: 'k-1', configVersion: 3 });
    expect(ConsistencyCheckResultSchema.parse(result)).toEqual(result);
    expect(result.checkedRules).toEqual(['mass_budget', 'mass_copy']);
    expect(result.opened.map((v) => [v.ruleId, v.dependentEngine, v.field])).toEqual([
      ['mass_budget', 'materials', 'totalMassKg'],
      ['mass_budget', 'materials', 'spanM'],
      ['mass_budget', 'propulsion', 'totalMassKg'],
      ['mass_copy', 'materials', 'totalMassKg']
    ]);
    expect(new Set(result.opened.map((v) => v.violationId)).size).toBe(4);
    expect(result.opened[0]).toMatchObject({
      severity: 'error',
      sourceEngine: 'design',
      expected: 19_700,
      actual: 19_900,
      status: 'open',
      detectedAt: 1_000,
      causationId: 'c-1',
      correlationId: 'k-1',
      message: 'rule mass_budget: field totalMassKg of design (expected 19700) differs from materials (actual 19900)'
    });
    const opened = published().filter((event) => event.eventType === 'violation_opened') as EngineEvent<'violation_opened'>[];
    expect(opened.map((event) => event.data)).toEqual(result.opened);
    expect(opened.map((event) => [event.targetEngines, event.priority])).toEqual([
      [['materials'], 'HIGH'],
      [['materials'], 'HIGH'],
      [['propulsion'], 'HIGH'],
      [['materials'], 'NORMAL']
    ]);
    expect(opened[0]).toMatchObject({ causationId: 'c-1', correlationId: 'k-1', configVersion: 3 });
    expectStateMatches(context);
  });

  it('keeps one open violation while the check fails, following the latest values, and resolves it on a pass', () => {
    const context = setup();
    const { manager, output, clock, types, published, projection } = context;
    manager.addConsistencyRule(massBudget);
    output('design', { totalMassKg: 19_700 });
    output('materials', { totalMassKg: 19_900 });
    const id = manager.validateAll().opened[0]?.violationId;

    output('materials', { totalMassKg: 20_000 });
    const second = manager.validateAll();
    expect(second.opened).toEqual([]);
    expect(second.stillOpen).toMatchObject([{ violationId: id, actual: 20_000 }]);
    // The same violation with new figures: told as an update, so the session state follows it.
    expect(types()).toEqual(['rule_added', 'violation_opened', 'violation_updated']);
    expect(projection.state.violations.open[id as string]?.actual).toBe(20_000);
    manager.validateAll();
    expect(types()).toHaveLength(3);
    manager.updateConsistencyRule('mass_budget', { severity: 'critical' });
    expect(projection.state.violations.open[id as string]?.severity).toBe('critical');

    clock.ms = 5_000;
    output('materials', { totalMassKg: 19_700 });
    const third = manager.validateAll({ causationId: 'fix' });
    expect(third.resolved).toMatchObject([{ violationId: id, status: 'resolved', resolvedAt: 5_000, resolution: 'passed' }]);
    expect(third.stillOpen).toEqual([]);
    expect(published().at(-1)).toMatchObject({ eventType: 'violation_resolved', targetEngines: ['materials'], causationId: 'fix', data: third.resolved[0] });
    expect(projection.state.violations.resolved.map((v) => v.violationId)).toEqual([id]);
    const report = ViolationReportSchema.parse(manager.getViolationReport());
    expect(report.counts).toMatchObject({ open: 0, resolvedTotal: 1 });

    // Failing again opens a new violation: identity holds while open, not forever.
    output('materials', { totalMassKg: 1 });
    const reopened = manager.validateAll().opened[0]?.violationId;
    expect(reopened).toBeDefined();
    expect(reopened).not.toBe(id);
    expectStateMatches(context);
  });

  it('passes numbers within the larger of the relative and absolute tolerance', () => {
    const { manager, output } = setup();
    manager.addConsistencyRule({ ...massBudget, tolerance: { relative: 0.005 } });
    output('design', { totalMassKg: 20_000 });
    output('materials', { totalMassKg: 20_100 });
    expect(manager.validateAll().opened).toEqual([]);
    output('materials', { totalMassKg: 20_101 });
    expect(manager.validateAll().opened).toHaveLength(1);
    expect(manager.updateConsistencyRule('mass_budget', { tolerance: { relative: 0.005, absolute: 150 } }).resolved).toHaveLength(1);
    output('materials', { totalMassKg: 20_151 });
    expect(manager.validateAll().opened).toHaveLength(1);
  });

  it('bounds the resolved list and counts what it dropped', () => {
    const { manager, output } = setup({ maxResolvedViolations: 2 });
    manager.addConsistencyRule(massBudget);
    output('design', { totalMassKg: 100 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      output('materials', { totalMassKg: 999 });
      ids.push(manager.validateAll().opened[0]?.violationId ?? '');
      output('materials', { totalMassKg: 100 });
      manager.validateAll();
    }
    const report = manager.getViolationReport();
    expect(report.resolved.map((v) => v.violationId)).toEqual([ids[4], ids[3]]);
    expect(report.counts).toMatchObject({ open: 0, resolvedTotal: 5, droppedResolved: 3 });
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

describe('DataConsistencyManager.checkEngine', () => {
  it('checks only the pairs whose other side is settled, and only rules touching the engine', () => {
    const { manager, output } = setup();
    manager.addConsistencyRule({ ...massBudget, dependentEngines: ['materials', 'propulsion'] });
    manager.addConsistencyRule({ ...massBudget, ruleId: 'sensors_only', dependentEngines: ['sensors'] });
    manager.addConsistencyRule({ ...massBudget, ruleId: 'off', enabled: false });
    output('design', { totalMassKg: 1 });
    for (const id of ['materials', 'propulsion', 'sensors']) output(id, { totalMassKg: 2 });
    manager.validateAll();
    const pairs = (result: { coverage: { ruleId: string }[] }): string[] => result.coverage.map((c) => c.ruleId);
    expect(manager.getOpenViolations()).toHaveLength(3);
    for (const id of ['materials', 'propulsion', 'sensors']) output(id, { totalMassKg: 1 });

    // The source is not settled: a dependent's new outputs are not compared with it yet.
    const unsettledSource = manager.checkEngine('materials', (id) => id !== 'design');
    expect(unsettledSource).toMatchObject({ checkedRules: [], resolved: [] });

    // The source changed: only the settled dependent is compared.
    const fromSource = manager.checkEngine('design', (id) => id === 'propulsion');
    expect(fromSource.checkedRules).toEqual(['mass_budget']);
    expect(fromSource.resolved.map((v) => v.dependentEngine)).toEqual(['propulsion']);
    expect(pairs(fromSource)).toEqual(['mass_budget']);

    // A dependent changed and the source is settled: only that dependent's pair.
    const fromDependent = manager.checkEngine('materials', () => true);
    expect(fromDependent.checkedRules).toEqual(['mass_budget']);
    expect(fromDependent.resolved.map((v) => v.dependentEngine)).toEqual(['materials']);
    expect(manager.getOpenViolations().map((v) => [v.ruleId, v.dependentEngine])).toEqual([['sensors_only', 'sensors']]);
  });
});

describe('DataConsistencyManager coverage', () => {
  it('lists fields not compared with who lacked them, and never counts them as passing', () => {
    const { manager, output, types } = setup();
    manager.addConsistencyRule({ ...massBudget, dataFields: ['totalMassKg', 'fuelMassKg', 'payloadKg'] });
    output('design', { totalMassKg: 100, fuelMassKg: 30 });
    output('materials', { totalMassKg: 100, payloadKg: 5 });
    const result = manager.checkEngine('design', () => true);
    expect(result.opened).toEqual([]);
    expect(types()).toEqual(['rule_added']);
    expect(result.coverage).toEqual(manager.getRuleCoverage('mass_budget'));
    expect(result.coverage[0]).toEqual({
      ruleId: 'mass_budget',
      lastCheckedAt: 1_000,
      fieldsCompared: ['totalMassKg'],
      fieldsNotCompared: [
        { field: 'fuelMassKg', dependentEngine: 'materials', lackedBy: ['materials'] },
        { field: 'payloadKg', dependentEngine: 'materials', lackedBy: ['design'] }
      ],
      fieldsNeverCompared: [
        { field: 'fuelMassKg', lackedBy: ['materials'] },
        { field: 'payloadKg', lackedBy: ['design'] }
      ],
      passed: 1,
      failed: 0,
      notCompared: 2
    });
  });

  it('reports an engine without outputs as not compared, neither a pass nor a violation', () => {
    const { manager, output } = setup();
    const result = manager.addConsistencyRule(massBudget);
    expect(result.opened).toEqual([]);
    expect(result.coverage[0]).toMatchObject({
      passed: 0,
      failed: 0,
      notCompared: 1,
      fieldsNotCompared: [
        { field: 'totalMassKg', dependentEngine: 'materials', lackedBy: ['design', 'materials'], reason: 'no cached data from design and materials' }
      ]
    });
    output('design', { totalMassKg: 1 });
    expect(manager.validateAll().coverage[0]?.fieldsNotCompared[0]?.lackedBy).toEqual(['materials']);
  });

  it('leaves an open violation open when its field goes missing: not compared is not a pass', () => {
    const { manager, output } = setup();
    manager.addConsistencyRule(massBudget);
    output('design', { totalMassKg: 1 });
    output('materials', { totalMassKg: 2 });
    manager.validateAll();
    output('materials', {});
    const result = manager.validateAll();
    expect(result.resolved).toEqual([]);
    expect(result.stillOpen).toHaveLength(1);
    expect(result.coverage[0]).toMatchObject({ passed: 0, failed: 0, notCompared: 1 });
  });

  it('a throwing code rule is not compared; a code rule decides pass and fail with its own message', () => {
    const { manager, output } = setup();
    const massSum: RuleValidator = (design, materials) => {
      const totalKg = Number(design.data['totalMassKg']);
      const sumKg = Object.values(materials.data['moduleMassKg'] as Record<string, number>).reduce((a, b) => a + b, 0);
      return [{ field: 'totalMassKg', passed: Math.abs(sumKg - totalKg) <= 0.005 * totalKg, expected: totalKg, actual: sumKg, message: 'modules sum to the total' }];
    };
    output('design', { totalMassKg: 10_000 });
    output('materials', { moduleMassKg: { wing: 4_000, fuselage: 6_060 } });
    const failing = manager.addConsistencyRule({ ...massBudget, ruleId: 'mass_sum', validate: massSum });
    expect(failing.opened[0]?.message).toBe(
      'rule mass_sum: field totalMassKg of design (expected 10000) differs from materials (actual 10060): modules sum to the total'
    );
    output('materials', { moduleMassKg: null });
    const thrown = manager.validateAll();
    expect(thrown.resolved).toEqual([]);
    expect(thrown.coverage[0]?.fieldsNotCompared[0]).toMatchObject({ field: '*', reason: expect.stringMatching(/^validate threw: /) });
    output('materials', { moduleMassKg: { wing: 4_000, fuselage: 6_000 } });
    expect(manager.validateAll().resolved).toHaveLength(1);
  });

  it('the version-agreement rule opens while a dependent lags the source version and resolves when it catches up', () => {
    const { manager, output } = setup();
    manager.addConsistencyRule(versionAgreementRule('config_version', 'design', ['materials']));
    output('design', {}, 3);
    output('materials', {}, 2);
    const opened = manager.validateAll().opened;
    expect(opened).toMatchObject([{ field: 'configVersion', expected: 3, actual: 2 }]);
    expect(opened[0]?.message).toMatch(/materials has outputs of v2, design of v3$/);
    output('materials', {}, 3);
    expect(manager.checkEngine('materials', () => true).resolved).toHaveLength(1);
  });
});

describe('DataConsistencyManager.autoUpdateTargets', () => {
  it('names the dependents of enabled auto-update rules whose fields changed (empty dataFields = any)', () => {
    const { manager } = setup();
    manager.addConsistencyRule({ ...massBudget, autoUpdate: true, dependentEngines: ['materials', 'propulsion'], dataFields: ['totalMassKg', 'spanM'] });
    manager.addConsistencyRule({ ...massBudget, ruleId: 'anything', autoUpdate: true, dependentEngines: ['materials', 'sensors'], dataFields: [] });
    manager.addConsistencyRule({ ...massBudget, ruleId: 'manual', autoUpdate: false, dependentEngines: ['aerodynamics'] });
    manager.addConsistencyRule({ ...massBudget, ruleId: 'off', autoUpdate: true, enabled: false, dependentEngines: ['manufacturing'] });
    manager.addConsistencyRule({ ...massBudget, ruleId: 'other_source', autoUpdate: true, sourceEngine: 'materials', dataFields: [] });

    expect(manager.autoUpdateTargets('design', ['totalMassKg', 'costM'])).toEqual([
      { dependentEngine: 'materials', ruleIds: ['mass_budget', 'anything'], fields: ['totalMassKg', 'costM'] },
      { dependentEngine: 'propulsion', ruleIds: ['mass_budget'], fields: ['totalMassKg'] },
      { dependentEngine: 'sensors', ruleIds: ['anything'], fields: ['totalMassKg', 'costM'] }
    ]);
    expect(manager.autoUpdateTargets('design', ['costM'])).toEqual([
      { dependentEngine: 'materials', ruleIds: ['anything'], fields: ['costM'] },
      { dependentEngine: 'sensors', ruleIds: ['anything'], fields: ['costM'] }
    ]);
    expect(manager.autoUpdateTargets('design', [])).toEqual([]);
    // A rule never sends a change back to its own source.
    expect(manager.autoUpdateTargets('materials', ['x'])).toEqual([]);
  });
});
