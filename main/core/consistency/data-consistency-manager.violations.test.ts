import { describe, expect, it } from 'vitest';
import { ConsistencyCheckResultSchema, ViolationReportSchema } from '../../../shared/consistency';
import type { EngineEvent } from '../../../shared/events';
import { expectStateMatches, massBudget, setup } from './test-consistency';

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
  it('resolves a violation of a field its code check no longer reports (a material no zone uses any more), and keeps it when the check could not run', () => {
    const context = setup();
    const { manager, output, published } = context;
    let throwing = false;
    // Reports one finding per material the source names, as material_processes does.
    manager.addConsistencyRule({
      ...massBudget,
      ruleId: 'routes',
      dataFields: ['materials'],
      validate: (source, dependent) => {
        if (throwing) throw new Error('routes unavailable');
        const routes = dependent.data.routes as Record<string, boolean>;
        return (source.data.materials as string[]).map((m) => ({ field: `routes.${m}`, passed: routes[m] === true, expected: true, actual: routes[m] ?? false }));
      }
    });
    output('design', { materials: ['ti', 'steel'] });
    output('materials', { routes: { ti: true } });
    const opened = manager.validateAll().opened;
    expect(opened.map((v) => v.field)).toEqual(['routes.steel']);

    throwing = true;
    expect(manager.validateAll().resolved).toEqual([]);
    expect(manager.getOpenViolations().map((v) => v.field)).toEqual(['routes.steel']);

    throwing = false;
    output('design', { materials: ['ti'] });
    const after = manager.validateAll();
    expect(after.resolved).toMatchObject([{ violationId: opened[0]?.violationId, field: 'routes.steel', resolution: 'no_longer_checked' }]);
    expect(manager.getOpenViolations()).toEqual([]);
    expect(published().filter((e) => e.eventType === 'violation_resolved')).toHaveLength(1);
    expectStateMatches(context);
  });
});
