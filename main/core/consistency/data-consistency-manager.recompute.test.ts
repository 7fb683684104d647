import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineId } from '../../../shared/events';
import type { DataConsistencyManager } from './data-consistency-manager';
import { massBudget, setup } from './test-consistency';

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

describe('DataConsistencyManager on the recompute path', () => {
  it('recheckEngine publishes what checkEngine publishes, and records the same coverage', () => {
    const run = (check: (manager: DataConsistencyManager) => void) => {
      const context = setup();
      context.manager.addConsistencyRule({ ...massBudget, dependentEngines: ['materials', 'propulsion'] });
      context.manager.addConsistencyRule({ ...massBudget, ruleId: 'sensors_only', dependentEngines: ['sensors'] });
      context.output('design', { totalMassKg: 1 });
      for (const id of ['materials', 'propulsion', 'sensors']) context.output(id, { totalMassKg: 2 });
      check(context.manager);
      context.output('propulsion', { totalMassKg: 1 });
      check(context.manager);
      const events = context.published().map(({ eventType, data }) => [eventType, (data as { ruleId?: string }).ruleId]);
      return { events, coverage: context.manager.getRuleCoverage(), open: context.manager.getOpenViolations().map((v) => [v.ruleId, v.dependentEngine]) };
    };
    const settled = (id: EngineId): boolean => id !== 'sensors';
    const detailed = run((manager) => manager.checkEngine('design', settled));
    expect(run((manager) => manager.recheckEngine('design', settled))).toEqual(detailed);
    expect(detailed.open).toEqual([['mass_budget', 'materials']]);
  });

  it('(property) autoUpdateReaches names exactly the dependents autoUpdateTargets lists', () => {
    const engines = ['design', 'materials', 'propulsion', 'sensors'];
    const fields = ['a', 'b', 'c'];
    const rule = fc.record({
      sourceEngine: fc.constantFrom(...engines),
      dependentEngines: fc.subarray(engines, { minLength: 1 }),
      dataFields: fc.subarray(fields),
      autoUpdate: fc.boolean(),
      enabled: fc.option(fc.boolean(), { nil: undefined })
    });
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 5 }), fc.constantFrom(...engines), fc.subarray(fields), (rules, engineId, changed) => {
        const { manager } = setup();
        rules.forEach((spec, i) => manager.addConsistencyRule({ ...spec, ruleId: `r${i}`, severity: 'error', description: 'r' }));
        const listed = manager.autoUpdateTargets(engineId, changed).map((target) => target.dependentEngine);
        for (const dependent of engines) expect(manager.autoUpdateReaches(engineId, changed, dependent)).toBe(listed.includes(dependent));
      }),
      { numRuns: 300 }
    );
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
