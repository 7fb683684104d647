import { describe, expect, it } from 'vitest';
import type { RuleValidator } from '../../../shared/consistency';
import { massBudget, setup } from './test-consistency';
import { versionAgreementRule } from './version-agreement';

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

  it('a code check compares every field it reads, once it ran: a field it only reads is never "never compared"', () => {
    const { manager, output } = setup();
    // Judges totalMassKg against a limit it reads from fuelMassKg; its finding names the first only.
    const withinLimit: RuleValidator = (source, dependent) => [
      { field: 'totalMassKg', passed: Number(dependent.data['totalMassKg']) <= Number(source.data['fuelMassKg']), expected: source.data['fuelMassKg'], actual: dependent.data['totalMassKg'] }
    ];
    manager.addConsistencyRule({ ...massBudget, dataFields: ['totalMassKg', 'fuelMassKg'], validate: withinLimit });
    output('design', { fuelMassKg: 200 });
    // Before materials computed nothing was compared: both fields lacked.
    expect(manager.validateAll().coverage[0]?.fieldsNeverCompared.map((f) => f.field)).toEqual(['totalMassKg', 'fuelMassKg']);
    output('materials', { totalMassKg: 100 });
    const coverage = manager.validateAll().coverage[0];
    expect(coverage?.fieldsCompared).toEqual(['totalMassKg', 'fuelMassKg']);
    expect(coverage?.fieldsNeverCompared).toEqual([]);
  });

  it("names whose figure the actual is: the source's own reads as such", () => {
    const { manager, output } = setup();
    const demandWithinSupply: RuleValidator = (source, dependent) => [
      { field: 'totalMassKg', passed: false, expected: `≤ ${String(dependent.data['totalMassKg'])}`, actual: source.data['totalMassKg'], actualFrom: 'source' }
    ];
    manager.addConsistencyRule({ ...massBudget, validate: demandWithinSupply });
    output('design', { totalMassKg: 164.9 });
    output('materials', { totalMassKg: 160 });
    expect(manager.validateAll().opened[0]?.message).toBe('rule mass_budget: field totalMassKg of design is 164.9, expected "≤ 160" (checked for materials)');
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
