import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { FlightdeckSession } from '../../host/flightdeck-session';
import { createFlightdeckSession } from './create-session';
import { DesignEvaluator } from './design-evaluator';
import { loadEngineLibraries } from './libraries';
import { loadFlightdeckConfig } from '../../core/config/flightdeck-config';

const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));
let session: FlightdeckSession;

beforeAll(async () => {
  session = await createFlightdeckSession({ resourcesDir });
});
afterAll(async () => {
  await session.dispose();
});

describe('DesignEvaluator (the optimizer fast path)', () => {
  const evaluator = new DesignEvaluator(loadEngineLibraries(loadFlightdeckConfig(`${resourcesDir}/flightdeck.yaml`)));

  it.each(['f16c-block50', 'f22a', 'typhoon', 'fa18e'])('agrees with the six engines for %s', async (scenarioId) => {
    const configuration = session.loadScenario(scenarioId);
    await session.coordinator.processConfigurationChange(configuration, 'design');
    const engines = (id: string): Record<string, unknown> => session.coordinator.consistency.getCachedData(id)?.data ?? {};
    const fast = evaluator.evaluate(configuration);
    expect(fast.design?.takeoffMassKg).toBeCloseTo(engines('design').takeoffMassKg as number, 3);
    expect(fast.propulsion?.thrustToWeight).toBeCloseTo(engines('propulsion').thrustToWeight as number, 6);
    expect(fast.aerodynamics?.combatRadiusKm).toBeCloseTo(engines('aerodynamics').combatRadiusKm as number, 0);
    expect(Math.abs((fast.aerodynamics?.maxMach as number) - (engines('aerodynamics').maxMach as number))).toBeLessThan(0.06);
    expect(fast.sensors?.frontalRcsDbsm).toBeCloseTo(engines('sensors').frontalRcsDbsm as number, 6);
    const cost = engines('manufacturing').unitFlyawayCostMUSD as number;
    expect(Math.abs((fast.manufacturing?.unitFlyawayCostMUSD as number) - cost) / cost).toBeLessThan(0.02);
  });
});
