import { describe, expect, it } from 'vitest';
import {
  ViolationReportSchema,
  ViolationSchema,
  type ConsistencyRule,
  type RuleValidator
} from '../../../shared/consistency';
import type { EventInput } from '../../../shared/events';
import { EngineRegistry } from '../registry/engine-registry';
import { DataConsistencyManager } from './data-consistency-manager';

function setup(options: { maxResolvedViolations?: number } = {}): {
  manager: DataConsistencyManager;
  events: EventInput[];
  clock: { ms: number };
} {
  const events: EventInput[] = [];
  const clock = { ms: 1_000 };
  const registry = new EngineRegistry();
  registry.register({ id: 'design' }, [], []);
  registry.register({ id: 'materials' }, [], ['design']);
  const manager = new DataConsistencyManager({
    registry,
    publish: (input) => {
      events.push(input);
      return { status: 'published', eventId: `evt-${events.length}` };
    },
    now: () => clock.ms,
    ...options
  });
  return { manager, events, clock };
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

describe('DataConsistencyManager cache', () => {
  it('versions each engine and reports the changed top-level fields', () => {
    const { manager } = setup();
    const first = manager.updateDataCache('design', { a: 1, b: { c: [1] } }, { configVersion: 4 });
    expect(first).toEqual({ version: 1, changedFields: ['a', 'b'] });
    expect(manager.updateDataCache('design', { a: 1, b: { c: [1] }, d: 0 })).toEqual({
      version: 2,
      changedFields: ['d']
    });
    expect(manager.updateDataCache('materials', { x: 1 }).version).toBe(1);
    expect(manager.getCachedData('design')).toEqual({
      engineId: 'design',
      version: 2,
      data: { a: 1, b: { c: [1] }, d: 0 },
      updatedAt: 1_000
    });
    expect(manager.getAllCachedData().map((entry) => entry.engineId)).toEqual([
      'design',
      'materials'
    ]);
  });

  it('copies data in, so a later mutation by the caller changes nothing', () => {
    const { manager } = setup();
    const data = { list: [1, 2] };
    manager.updateDataCache('design', data);
    data.list.push(3);
    expect(manager.getCachedData('design')?.data).toEqual({ list: [1, 2] });
  });
});

describe('DataConsistencyManager violations', () => {
  it('opens one violation naming field, engines and rule, citing the update', () => {
    const { manager, events } = setup();
    manager.addConsistencyRule(massBudget);
    manager.updateDataCache(
      'design',
      { totalMassKg: 19_700 },
      { causationId: 'c-1', correlationId: 'k-1' }
    );
    manager.updateDataCache(
      'materials',
      { totalMassKg: 19_900 },
      { causationId: 'c-2', correlationId: 'k-1' }
    );
    const result = manager.validateDataConsistency('design');
    expect(result.checkedRules).toEqual(['mass_budget']);
    expect(result.opened).toHaveLength(1);
    const violation = ViolationSchema.parse(result.opened[0]);
    expect(violation).toMatchObject({
      ruleId: 'mass_budget',
      severity: 'error',
      sourceEngine: 'design',
      dependentEngine: 'materials',
      field: 'totalMassKg',
      expected: 19_700,
      actual: 19_900,
      status: 'open',
      causationId: 'c-1',
      correlationId: 'k-1'
    });
    expect(violation.message).toBe(
      'rule mass_budget: field totalMassKg of design (expected 19700) differs from materials (actual 19900)'
    );
    expect(events).toEqual([
      {
        eventType: 'violation_opened',
        sourceEngine: 'consistency_manager',
        targetEngines: ['materials'],
        priority: 'HIGH',
        data: violation,
        causationId: 'c-1',
        correlationId: 'k-1'
      }
    ]);
  });

  it('keeps one open violation while failing and resolves it on a later pass', () => {
    const { manager, events, clock } = setup();
    manager.addConsistencyRule({ ...massBudget, severity: 'warning' });
    manager.updateDataCache('design', { totalMassKg: 19_700 });
    manager.updateDataCache('materials', { totalMassKg: 19_900 });
    const first = manager.validateDataConsistency('materials');
    const id = first.opened[0]?.violationId;
    expect(events.map((event) => [event.eventType, event.priority])).toEqual([
      ['violation_opened', 'NORMAL']
    ]);

    manager.updateDataCache('materials', { totalMassKg: 20_000 });
    const second = manager.validateDataConsistency('materials');
    expect(second.opened).toEqual([]);
    expect(second.stillOpen).toHaveLength(1);
    expect(second.stillOpen[0]).toMatchObject({ violationId: id, actual: 20_000 });
    expect(manager.getViolationReport().counts.open).toBe(1);
    expect(events).toHaveLength(1);

    clock.ms = 5_000;
    manager.updateDataCache(
      'materials',
      { totalMassKg: 19_700 },
      { causationId: 'fix', correlationId: 'k-2' }
    );
    const third = manager.validateDataConsistency('materials');
    expect(third.resolved).toHaveLength(1);
    expect(third.resolved[0]).toMatchObject({
      violationId: id,
      status: 'resolved',
      resolvedAt: 5_000,
      resolution: 'passed'
    });
    expect(events[1]).toMatchObject({
      eventType: 'violation_resolved',
      targetEngines: ['materials'],
      priority: 'NORMAL',
      causationId: 'fix',
      correlationId: 'k-2'
    });
    const report = ViolationReportSchema.parse(manager.getViolationReport());
    expect(report.open).toEqual([]);
    expect(report.resolved.map((violation) => violation.violationId)).toEqual([id]);
    expect(report.counts.resolvedTotal).toBe(1);
  });

  it('passes numbers within the rule tolerance', () => {
    const { manager } = setup();
    manager.addConsistencyRule({ ...massBudget, tolerance: { relative: 0.005 } });
    manager.updateDataCache('design', { totalMassKg: 20_000 });
    manager.updateDataCache('materials', { totalMassKg: 20_099 });
    expect(manager.validateAll().opened).toEqual([]);
    manager.updateDataCache('materials', { totalMassKg: 20_101 });
    expect(manager.validateAll().opened).toHaveLength(1);
  });

  it('checks data passed in instead of the cache, without storing it', () => {
    const { manager } = setup();
    manager.addConsistencyRule(massBudget);
    manager.updateDataCache('design', { totalMassKg: 1 });
    manager.updateDataCache('materials', { totalMassKg: 1 });
    expect(manager.validateDataConsistency('materials', { totalMassKg: 2 }).opened).toHaveLength(1);
    expect(manager.getCachedData('materials')?.data).toEqual({ totalMassKg: 1 });
  });

  it('bounds the resolved list and counts what it dropped', () => {
    const { manager } = setup({ maxResolvedViolations: 2 });
    manager.addConsistencyRule(massBudget);
    manager.updateDataCache('design', { totalMassKg: 100 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      manager.updateDataCache('materials', { totalMassKg: 999 });
      ids.push(manager.validateDataConsistency('materials').opened[0]?.violationId ?? '');
      manager.updateDataCache('materials', { totalMassKg: 100 });
      manager.validateDataConsistency('materials');
    }
    expect(new Set(ids).size).toBe(5);
    const report = manager.getViolationReport();
    expect(report.resolved.map((violation) => violation.violationId)).toEqual([ids[4], ids[3]]);
    expect(report.counts).toMatchObject({ open: 0, resolvedTotal: 5, droppedResolved: 3 });
  });

  it('counts open violations by severity and by rule', () => {
    const { manager } = setup();
    manager.addConsistencyRule({ ...massBudget, dataFields: ['totalMassKg', 'wingAreaM2'] });
    manager.addConsistencyRule({
      ...massBudget,
      ruleId: 'cost',
      severity: 'info',
      dataFields: ['costM']
    });
    manager.updateDataCache('design', { totalMassKg: 1, wingAreaM2: 50, costM: 80 });
    manager.updateDataCache('materials', { totalMassKg: 2, wingAreaM2: 51, costM: 81 });
    manager.validateAll();
    expect(manager.getViolationReport().counts).toMatchObject({
      open: 3,
      bySeverity: { info: 1, warning: 0, error: 2, critical: 0 },
      byRule: { mass_budget: 2, cost: 1 }
    });
  });
});

describe('DataConsistencyManager coverage', () => {
  it('lists fields not compared, with who lacked them, and never counts them as passing', () => {
    const { manager, events } = setup();
    manager.addConsistencyRule({
      ...massBudget,
      dataFields: ['totalMassKg', 'fuelMassKg', 'payloadKg', 'ghostKg']
    });
    manager.updateDataCache('design', { totalMassKg: 100, fuelMassKg: 30, ghostKg: 1 });
    manager.updateDataCache('materials', { totalMassKg: 100, payloadKg: 5 });
    const result = manager.validateDataConsistency('design');
    expect(result.opened).toEqual([]);
    expect(events).toEqual([]);
    expect(result.coverage).toEqual(manager.getRuleCoverage('mass_budget'));
    expect(result.coverage[0]).toEqual({
      ruleId: 'mass_budget',
      lastCheckedAt: 1_000,
      fieldsCompared: ['totalMassKg'],
      fieldsNotCompared: [
        { field: 'fuelMassKg', dependentEngine: 'materials', lackedBy: ['materials'] },
        { field: 'payloadKg', dependentEngine: 'materials', lackedBy: ['design'] },
        { field: 'ghostKg', dependentEngine: 'materials', lackedBy: ['materials'] }
      ],
      fieldsNeverCompared: [
        { field: 'fuelMassKg', lackedBy: ['materials'] },
        { field: 'payloadKg', lackedBy: ['design'] },
        { field: 'ghostKg', lackedBy: ['materials'] }
      ],
      passed: 1,
      failed: 0,
      notCompared: 3
    });

    manager.updateDataCache('materials', { totalMassKg: 100, payloadKg: 5, fuelMassKg: 30 });
    manager.validateDataConsistency('materials');
    const [coverage] = manager.getRuleCoverage('mass_budget');
    expect(coverage?.fieldsCompared).toEqual(['totalMassKg', 'fuelMassKg']);
    expect(coverage?.fieldsNeverCompared.map((entry) => entry.field)).toEqual([
      'payloadKg',
      'ghostKg'
    ]);
  });

  it('leaves an open violation open when its field goes missing', () => {
    const { manager } = setup();
    manager.addConsistencyRule(massBudget);
    manager.updateDataCache('design', { totalMassKg: 1 });
    manager.updateDataCache('materials', { totalMassKg: 2 });
    manager.validateAll();
    manager.updateDataCache('materials', {});
    const result = manager.validateAll();
    expect(result.resolved).toEqual([]);
    expect(result.stillOpen).toHaveLength(1);
  });

  it('reports an engine without data as not compared', () => {
    const { manager } = setup();
    const result = manager.addConsistencyRule(massBudget);
    expect(result.coverage[0]?.fieldsNotCompared).toEqual([
      {
        field: 'totalMassKg',
        dependentEngine: 'materials',
        lackedBy: ['design', 'materials'],
        reason: 'no cached data from design and materials'
      }
    ]);
    expect(result.coverage[0]?.passed).toBe(0);
  });
});

describe('DataConsistencyManager code rules', () => {
  /** The sum of the module masses equals the design's total within 0.5 %. */
  const massSum: RuleValidator = (design, materials) => {
    const totalKg = design.data['totalMassKg'];
    const modules = materials.data['moduleMassKg'];
    if (typeof totalKg !== 'number' || typeof modules !== 'object' || modules === null) {
      return [
        { field: 'totalMassKg', passed: false, compared: false, expected: totalKg, actual: modules }
      ];
    }
    const sumKg = Object.values(modules as Record<string, number>).reduce((a, b) => a + b, 0);
    return [
      {
        field: 'totalMassKg',
        passed: Math.abs(sumKg - totalKg) <= 0.005 * totalKg,
        expected: totalKg,
        actual: sumKg,
        message: 'module masses must sum to the total within 0.5 %'
      }
    ];
  };

  it('opens and resolves a mass-sum rule written as code', () => {
    const { manager } = setup();
    manager.addConsistencyRule({ ...massBudget, ruleId: 'mass_sum', validate: massSum });
    manager.updateDataCache('design', { totalMassKg: 10_000 });
    manager.updateDataCache('materials', { moduleMassKg: { wing: 4_000, fuselage: 6_040 } });
    expect(manager.validateAll().opened).toEqual([]);

    manager.updateDataCache('materials', { moduleMassKg: { wing: 4_000, fuselage: 6_060 } });
    const failing = manager.validateAll();
    expect(failing.opened[0]).toMatchObject({
      field: 'totalMassKg',
      expected: 10_000,
      actual: 10_060
    });
    expect(failing.opened[0]?.message).toBe(
      'rule mass_sum: field totalMassKg of design (expected 10000) ' +
        'differs from materials (actual 10060): module masses must sum to the total within 0.5 %'
    );
    manager.updateDataCache('materials', { moduleMassKg: { wing: 3_990, fuselage: 6_000 } });
    expect(manager.validateAll().resolved).toHaveLength(1);
  });

  it('treats a throwing validator as not compared', () => {
    const { manager } = setup();
    manager.updateDataCache('design', { totalMassKg: 1 });
    manager.updateDataCache('materials', { totalMassKg: 1 });
    const result = manager.addConsistencyRule({
      ...massBudget,
      validate: () => {
        throw new Error('bad data');
      }
    });
    expect(result.opened).toEqual([]);
    expect(result.coverage[0]?.fieldsNotCompared[0]).toMatchObject({
      field: '*',
      reason: 'validate threw: bad data'
    });
  });
});

describe('DataConsistencyManager rules', () => {
  it('refuses a bad shape naming the field, and a duplicate id', () => {
    const { manager } = setup();
    expect(() =>
      manager.addConsistencyRule({ ...massBudget, severity: 'fatal' } as unknown as ConsistencyRule)
    ).toThrow(/severity/);
    expect(() =>
      manager.addConsistencyRule({
        ...massBudget,
        dependentEngines: [42]
      } as unknown as ConsistencyRule)
    ).toThrow(/dependentEngines\.0/);
    expect(() => manager.updateConsistencyRule('nope', { severity: 'info' })).toThrow(/nope/);
    manager.addConsistencyRule(massBudget);
    expect(() => manager.addConsistencyRule(massBudget)).toThrow(/mass_budget.*already exists/);
    expect(() =>
      manager.updateConsistencyRule('mass_budget', { tolerance: { relative: -1 } })
    ).toThrow(/tolerance\.relative/);
    expect(manager.getRules()).toHaveLength(1);
  });

  it('re-validates at once when a rule is edited, and resolves on removal', () => {
    const { manager, events } = setup();
    manager.addConsistencyRule({ ...massBudget, dataFields: ['totalMassKg', 'spanM'] });
    manager.updateDataCache('design', { totalMassKg: 20_000, spanM: 10 });
    manager.updateDataCache('materials', { totalMassKg: 20_050, spanM: 12 });
    expect(manager.validateAll().opened).toHaveLength(2);

    const loosened = manager.updateConsistencyRule('mass_budget', {
      tolerance: { relative: 0.01 }
    });
    expect(loosened.resolved.map((violation) => violation.field)).toEqual(['totalMassKg']);
    expect(loosened.stillOpen.map((violation) => violation.field)).toEqual(['spanM']);

    const tightened = manager.updateConsistencyRule('mass_budget', { tolerance: { absolute: 1 } });
    expect(tightened.opened.map((violation) => violation.field)).toEqual(['totalMassKg']);

    const narrowed = manager.updateConsistencyRule('mass_budget', { dataFields: ['totalMassKg'] });
    expect(narrowed.resolved).toMatchObject([{ field: 'spanM', resolution: 'no_longer_checked' }]);

    const removed = manager.removeConsistencyRule('mass_budget');
    expect(removed).toMatchObject([{ field: 'totalMassKg', resolution: 'rule_removed' }]);
    expect(manager.getViolationReport().counts.open).toBe(0);
    expect(manager.getRuleCoverage()).toEqual([]);
    const opened = events.filter((event) => event.eventType === 'violation_opened').length;
    const resolved = events.filter((event) => event.eventType === 'violation_resolved').length;
    expect([opened, resolved]).toEqual([3, 3]);
  });

  it('resolves violations of a disabled rule and checks nothing while disabled', () => {
    const { manager } = setup();
    manager.addConsistencyRule(massBudget);
    manager.updateDataCache('design', { totalMassKg: 1 });
    manager.updateDataCache('materials', { totalMassKg: 2 });
    manager.validateAll();
    const disabled = manager.updateConsistencyRule('mass_budget', { enabled: false });
    expect(disabled.resolved).toMatchObject([{ resolution: 'rule_disabled' }]);
    expect(manager.validateAll()).toMatchObject({ checkedRules: [], opened: [] });
    expect(manager.updateConsistencyRule('mass_budget', { enabled: true }).opened).toHaveLength(1);
  });
});
