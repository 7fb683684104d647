import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { FlightdeckSession } from '../../host/flightdeck-session';
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
  return { ...base, version: base.version + 1, basePlatform: { ...base.basePlatform, powerGenerationKW } };
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
    const event = session.coordinator.bus.getEventHistory({ eventType: 'violation_opened', correlationId: over.correlationId });
    expect(event).toHaveLength(1);

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

  it('reports material changes as material_updated events linked to the change', async () => {
    const base = current();
    const change = await session.coordinator.processConfigurationChange(
      { ...base, version: base.version + 1, materials: { ...base.materials, wings: 'al_7075' } },
      'design'
    );
    const events = session.coordinator.bus.getEventHistory({ eventType: 'material_updated', correlationId: change.correlationId });
    expect(events).toHaveLength(1);
    expect(events[0]?.data.changes).toEqual([{ zone: 'wings', kind: 'material', from: base.materials.wings, to: 'al_7075' }]);
  });

  it('runs each of the seven analyses with real figures and no engine errors', async () => {
    for (const type of session.coordinator.getAnalysisTypes()) {
      const result = await session.coordinator.runCrossEngineAnalysis(type);
      expect(result.errors, type).toEqual({});
      const figures = Object.values(result.summary).filter((v) => typeof v === 'number' && Number.isFinite(v));
      expect(figures.length, type).toBeGreaterThan(0);
    }
  });
});
