import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { FlightdeckSession } from './flightdeck-session';
import { createFlightdeckSession } from './create-session';

const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));
let session: FlightdeckSession;

beforeAll(async () => {
  session = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a' });
});
afterAll(async () => {
  await session.dispose();
});

function current(): AircraftConfiguration {
  const configuration = session.coordinator.configuration?.configuration;
  if (!configuration) throw new Error('no configuration');
  return configuration;
}

function withPower(powerGenerationKW: number): AircraftConfiguration {
  const base = current();
  return { ...base, basePlatform: { ...base.basePlatform, powerGenerationKW } };
}

describe('Flightdeck session', () => {
  it('starts a scenario with all six engines computed and no open violation', () => {
    const status = session.coordinator.getSystemStatus();
    expect(status.engines.every((e) => e.computedVersion === status.configVersion)).toBe(true);
    expect(session.coordinator.consistency.getViolationReport().open).toEqual([]);
  });

  it('opens a power-budget violation naming the rule and the numbers, and resolves it once fixed', async () => {
    const over = await session.coordinator.processConfigurationChange(withPower(30), 'design');
    const opened = over.violations.opened.filter((v) => v.ruleId === "power_budget");
    expect(opened).toHaveLength(1);
    const violation = opened[0];
    expect(violation?.message).toMatch(/power_budget/);
    expect(violation?.message).toMatch(/44\.9 kW/);
    expect(violation?.message).toMatch(/30\.0 kW/);
    expect(violation).toMatchObject({ sourceEngine: 'design', dependentEngine: 'sensors', field: 'powerDemandKW', severity: 'error' });
    const events = session.coordinator.log.query({ eventType: 'violation_opened', correlationId: over.correlationId });
    expect(events.filter((e) => e.eventType === 'violation_opened' && e.data.ruleId === 'power_budget')).toHaveLength(1);
    // A broken budget is a warning of the check: the configuration applies and the rule reports it.
    expect(over.ok).toBe(true);
    expect(over.findings).toContainEqual(
      expect.objectContaining({ code: 'POWER_BUDGET_EXCEEDED', severity: 'warning', path: 'basePlatform.powerGenerationKW' })
    );

    const fixed = await session.coordinator.processConfigurationChange(withPower(130), 'design');
    expect(fixed.violations.resolved.map((v) => v.violationId)).toEqual([violation?.violationId]);
    expect(session.coordinator.consistency.getViolationReport().open).toEqual([]);
  });

  it('rejects a configuration naming an unknown library id, keeping the accepted one', async () => {
    const before = session.coordinator.configuration?.version;
    const bad = { ...current(), propulsion: { engineModel: 'J79-GE-17', count: 2 } };
    const result = await session.coordinator.processConfigurationChange(bad, 'design');
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(['propulsion.engineModel: unknown engine model "J79-GE-17"']);
    expect(session.coordinator.configuration?.version).toBe(before);
  });

  it('reports mounted and removed modules as module events linked to the change', async () => {
    const base = current();
    const pod = { instanceId: 'aim9-extra', libraryId: 'aim-9x', attachmentPoint: 'wing-1' };
    const added = await session.coordinator.processConfigurationChange({ ...base, modules: [...base.modules, pod] }, 'design');
    const addedEvents = session.coordinator.log.query({ eventType: 'module_added', correlationId: added.correlationId });
    expect(addedEvents.map((e) => e.eventType === 'module_added' && e.data.instanceId)).toEqual(['aim9-extra']);
    expect(addedEvents[0]?.sourceEngine).toBe('design');
    const removed = await session.coordinator.processConfigurationChange(base, 'design');
    const removedEvents = session.coordinator.log.query({ eventType: 'module_removed', correlationId: removed.correlationId });
    expect(removedEvents.map((e) => e.eventType === 'module_removed' && e.data.instanceId)).toEqual(['aim9-extra']);
  });

  it('reports material changes as material_updated events linked to the change', async () => {
    const base = current();
    const change = await session.coordinator.processConfigurationChange(
      { ...base, materials: { ...base.materials, wings: 'al_7075' } },
      'design'
    );
    const events = session.coordinator.log.query({ eventType: 'material_updated', correlationId: change.correlationId });
    expect(events).toHaveLength(1);
    expect(events[0]?.eventType === 'material_updated' && events[0].data.changes).toEqual([{ zone: 'wings', kind: 'material', from: base.materials.wings, to: 'al_7075' }]);
  });

  it('opens a mass-budget violation while propulsion is stale after an engine swap, and resolves it when it catches up', async () => {
    const base = current();
    await session.coordinator.injectFault('propulsion', { kind: 'fail', count: 1 });
    const swapped = await session.coordinator.processConfigurationChange(
      { ...base, propulsion: { ...base.propulsion, engineModel: 'EJ200' } },
      'design'
    );
    const massViolation = swapped.violations.opened.find((v) => v.ruleId === 'mass_budget');
    expect(massViolation).toMatchObject({ sourceEngine: 'design', dependentEngine: 'propulsion', field: 'engineMassKg' });
    expect(massViolation?.message).toMatch(/design budgets \d+ kg for engines, propulsion reports \d+ kg/);
    expect(swapped.violations.opened.some((v) => v.ruleId === 'config_version' && v.dependentEngine === 'propulsion')).toBe(true);
    const caughtUp = await session.coordinator.processConfigurationChange(current(), 'design');
    expect(caughtUp.violations.resolved.map((v) => v.ruleId)).toEqual(expect.arrayContaining(['mass_budget', 'config_version']));
    expect(session.coordinator.consistency.getViolationReport().open).toEqual([]);
    await session.coordinator.processConfigurationChange(base, 'design');
  });

  it('runs each of the seven analyses with real figures and no engine errors', async () => {
    for (const type of session.coordinator.getAnalysisTypes()) {
      const result = await session.coordinator.runCrossEngineAnalysis(type);
      expect(result.errors, type).toEqual({});
      const figures = Object.values(result.summary).filter((v) => typeof v === 'number' && Number.isFinite(v));
      expect(figures.length, type).toBeGreaterThan(0);
    }
  });
  it('optimizes for stealth as a lower radar cross-section and for range as a longer radius, and says so', async () => {
    const handle = session.coordinator.optimizeConfiguration({ maximizeStealth: true, maximizeRange: true, seed: 5, generations: 3, populationSize: 12 });
    const { result } = await handle.result;
    expect(result.objectives).toEqual([
      { name: 'frontalRcsDbsm', unit: 'dBsm', sense: 'min' },
      { name: 'combatRadiusKm', unit: 'km', sense: 'max' }
    ]);
    for (const design of result.front) {
      // Shown as the engines report them: the radius positive, as the aerodynamics engine gives it.
      expect(design.objectives.combatRadiusKm).toBeGreaterThan(0);
      expect(design.objectives.combatRadiusKm).toBeCloseTo(design.figures.combatRadiusKm as number, 6);
      expect(design.objectives.frontalRcsDbsm).toBeCloseTo(design.figures.frontalRcsDbsm as number, 6);
    }
  }, 60_000);
});
