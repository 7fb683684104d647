import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../shared/aircraft';
import type { EngineEvent } from '../../shared/events';
import { RerunReportSchema, type EngineComparison, type RerunReport } from '../../shared/protocol/whatif';
import { createFlightdeckSession } from '../engines/session/create-session';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { rerunChange } from './rerun-change';
import { resourcesDir } from './test-recording';

let live: FlightdeckSession;
let recorded: AircraftConfiguration;

beforeAll(async () => {
  live = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a' });
  recorded = live.coordinator.configuration?.configuration as AircraftConfiguration;
});
afterAll(async () => {
  await live.dispose();
});

function engine(report: RerunReport, engineId: string): EngineComparison {
  const found = report.engines.find((e) => e.engineId === engineId);
  if (!found) throw new Error(`no ${engineId} in the report`);
  return found;
}

function field(report: RerunReport, engineId: string, name: string): EngineComparison['fields'][number] | undefined {
  return engine(report, engineId).fields.find((f) => f.field === name);
}

describe('rerunChange', () => {
  it('re-runs the F-22A with F135 engines: propulsion thrust and the figures downstream change, the live session does not', async () => {
    const stateBefore = live.coordinator.state;
    const appended: EngineEvent[] = [];
    const listening = live.coordinator.log.onDidAppend((event) => appended.push(event));

    const report = await rerunChange({ resourcesDir, configuration: recorded, choice: { kind: 'engine_model', engineModel: 'F135-PW-100' } });
    listening.dispose();

    expect(RerunReportSchema.safeParse(report).success).toBe(true);
    expect(report.change).toEqual({ path: 'propulsion.engineModel', before: 'F119-PW-100', after: 'F135-PW-100' });
    expect(report.engines.map((e) => e.engineId)).toEqual(['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing']);
    expect(report.engines.every((e) => e.outcome.before === 'computed' && e.outcome.after === 'computed')).toBe(true);
    const dryThrust = field(report, 'propulsion', 'dryThrustKN');
    expect(dryThrust).toMatchObject({ unit: 'kN', changed: true });
    expect(dryThrust?.after).not.toEqual(dryThrust?.before);
    expect(field(report, 'propulsion', 'engineModel')).toEqual({ field: 'engineModel', before: 'F119-PW-100', after: 'F135-PW-100', changed: true });
    expect(field(report, 'design', 'loadedMassKg')).toMatchObject({ unit: 'kg', changed: true });
    expect(field(report, 'aerodynamics', 'thrustToWeight')).toMatchObject({ changed: true });
    expect(engine(report, 'manufacturing').changedFields).toBeGreaterThan(0);
    expect(field(report, 'materials', 'structuralMassKg')).toMatchObject({ unit: 'kg', changed: false });
    expect(report.totals.enginesChanged).toBeGreaterThanOrEqual(4);

    // The live session: no event but its own performance samples, the very same state.
    expect(appended.filter((event) => event.eventType !== 'performance_updated')).toEqual([]);
    expect(live.coordinator.state.configuration).toBe(stateBefore.configuration);
    expect(live.coordinator.state.engines).toBe(stateBefore.engines);
    expect(live.coordinator.state.violations).toBe(stateBefore.violations);
    expect(live.coordinator.state.rules).toBe(stateBefore.rules);
  });

  it('changes no field when the choice is the one recorded', async () => {
    const report = await rerunChange({ resourcesDir, configuration: recorded, choice: { kind: 'engine_model', engineModel: 'F119-PW-100' } });

    expect(report.totals).toMatchObject({ changedFields: 0, enginesChanged: 0 });
    expect(report.totals.fields).toBeGreaterThan(50);
    expect(report.engines.flatMap((e) => e.fields).filter((f) => f.changed)).toEqual([]);
    expect(report.violations.opened).toEqual([]);
    expect(report.violations.resolved).toEqual([]);
  });

  it('reports the violations each run left open: a lighter radar fits a power budget the APG-77 breaks', async () => {
    const tight = { ...recorded, basePlatform: { ...recorded.basePlatform, powerGenerationKW: 40 } };
    const report = await rerunChange({ resourcesDir, configuration: tight, choice: { kind: 'radar', radarId: 'apg-68v9' } });

    const powerBudget = expect.objectContaining({ ruleId: 'power_budget', sourceEngine: 'design', dependentEngine: 'sensors', field: 'powerDemandKW', severity: 'error' });
    expect(report.violations).toEqual({ before: [powerBudget], after: [], opened: [], resolved: [powerBudget] });
    expect(field(report, 'sensors', 'radarId')).toMatchObject({ before: 'apg-77', after: 'apg-68v9', changed: true });
    expect(field(report, 'design', 'powerDemandKW')).toMatchObject({ unit: 'kW', changed: true });
  });

  it.each([
    [{ kind: 'engine_model', engineModel: 'J79-GE-17' }, /unknown engine model "J79-GE-17"; known: F119-PW-100/],
    [{ kind: 'material', zone: 'nose_cone', materialId: 'al_7075' }, /unknown zone "nose_cone"; zones: forward_fuselage/],
    [{ kind: 'material', zone: 'wings', materialId: 'unobtainium' }, /unknown material "unobtainium"; known: al_7075/],
    [{ kind: 'radar', engineModel: 'x' }, /^invalid choice: /]
  ] as const)('refuses the bad choice %j, naming it', async (choice, message) => {
    await expect(rerunChange({ resourcesDir, configuration: recorded, choice: choice as never })).rejects.toThrow(message);
  });
});
