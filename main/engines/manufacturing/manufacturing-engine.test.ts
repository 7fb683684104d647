import { describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { ManufacturingOutputs } from '../../../shared/engine-outputs';
import { loadScenario } from '../calibration/scenarios';
import { computeEngines, shippedLibraries } from '../testing/run-engines';
import { ManufacturingEngine } from './manufacturing-engine';

const libraries = shippedLibraries();
const library = libraries.manufacturing;
const manufacturing = new ManufacturingEngine(library, libraries.aircraft.engines);
const scenario = (id: string): AircraftConfiguration => structuredClone(loadScenario(id));

/** The manufacturing outputs from the real upstream engines' outputs. */
function run(configuration: AircraftConfiguration, engine = manufacturing): ManufacturingOutputs {
  return engine.compute({ configuration, configVersion: 2, upstream: computeEngines(configuration) });
}

describe('ManufacturingEngine', () => {
  it('prices an F-16-class fighter in tens of millions of current dollars', () => {
    const output = run(scenario('f16c-block50'));
    expect(output).toEqual(computeEngines(scenario('f16c-block50')).manufacturing);
    expect(output.unitFlyawayCostMUSD).toBeGreaterThan(20);
    expect(output.unitFlyawayCostMUSD).toBeLessThan(80);
    expect(output.rdteCostBUSD).toBeGreaterThan(1);
    expect(output.rdteCostBUSD).toBeLessThan(20);
    expect(output.learningCurve.firstUnitMUSD).toBeGreaterThan(output.unitFlyawayCostMUSD);
    expect(output.learningCurve.lastUnitMUSD).toBeLessThan(output.unitFlyawayCostMUSD);
    expect(output.scheduleMonths).toBeGreaterThan(12);
    expect(output.productionRatePerMonth).toBeGreaterThan(1);
    expect(output.feasible).toBe(true);
  });

  it('raises cost when the wings change from aluminium to carbon/epoxy', () => {
    const composite = scenario('f16c-block50');
    composite.materials.wings = 'cfrp_im7_8552';
    const before = run(scenario('f16c-block50'));
    const after = run(composite);
    expect(after.materialFactor).toBeGreaterThan(before.materialFactor);
    expect(after.unitFlyawayCostMUSD).toBeGreaterThan(before.unitFlyawayCostMUSD);
    expect(after.rdteCostBUSD).toBeGreaterThan(before.rdteCostBUSD);
  });

  it('costs a design that cannot hold level flight at its mission top speed', () => {
    const configuration = scenario('f16c-block50');
    const upstream = computeEngines(configuration);
    const stalled = { ...upstream, aerodynamics: { ...upstream.aerodynamics, maxMach: 0, maxMachAltitudeM: 0 } };
    const output = manufacturing.compute({ configuration, configVersion: 2, upstream: stalled });
    expect(output.productionRatePerMonth).toBeGreaterThan(1);
    expect(output.maxSpeedKmh).toBeCloseTo(configuration.mission.speedBandMach.max * 340.294 * 3.6, 0);
  });

  it('reports an infeasible process when the factory lacks the high-temperature autoclave', () => {
    const limited = new ManufacturingEngine(
      { ...library, processes: library.processes.filter((process) => process.id !== 'high_temperature_autoclave_cure') },
      libraries.aircraft.engines
    );
    const output = run(scenario('f22a'), limited);
    expect(output.feasible).toBe(false);
    expect(output.feasibility).toContainEqual(
      expect.objectContaining({ severity: 'error', processId: 'high_temperature_autoclave_cure' })
    );
  });

  it('answers a cost analysis at a requested quantity', () => {
    const configuration = scenario('f16c-block50');
    const context = {
      configuration,
      configVersion: 1,
      upstream: computeEngines(configuration),
      contributions: {},
      analysisType: 'cost_analysis'
    };
    const small = manufacturing.analyze({ ...context, params: { quantity: 100 } }) as ManufacturingOutputs;
    const large = manufacturing.analyze({ ...context, params: { quantity: 1000 } }) as ManufacturingOutputs;
    expect(small.quantity).toBe(100);
    expect(small.unitFlyawayCostMUSD).toBeGreaterThan(large.unitFlyawayCostMUSD);
  });
});
