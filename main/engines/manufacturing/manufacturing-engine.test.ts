import { describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { EngineData } from '../../core/engine';
import { loadAircraftLibrary } from '../design/library';
import { loadMaterialsLibrary } from '../materials/library';
import { MaterialsEngine } from '../materials/materials-engine';
import { f16LikeConfiguration, f22LikeConfiguration } from '../materials/test-configurations';
import { loadSensorsLibrary } from '../sensors/library';
import { SensorsEngine } from '../sensors/sensors-engine';
import { loadManufacturingLibrary } from './library';
import { ManufacturingEngine } from './manufacturing-engine';

const aircraft = loadAircraftLibrary();
const materials = new MaterialsEngine(loadMaterialsLibrary());
const sensors = new SensorsEngine(loadSensorsLibrary(), { modules: aircraft.modules });
const library = loadManufacturingLibrary();
const manufacturing = new ManufacturingEngine(library, { engines: aircraft.engines });

type Output = {
  configVersion: number;
  unitFlyawayCostMUSD: number;
  rdteCostBUSD: number;
  materialFactor: number;
  scheduleMonths: number;
  productionRatePerMonth: number;
  feasible: boolean;
  feasibility: { severity: string; processId: string }[];
  notes: string[];
  learningCurve: { firstUnitMUSD: number; lastUnitMUSD: number };
};

/** Upstream as the coordinator hands it; design and aerodynamics stubbed with published figures. */
function upstreamFor(
  configuration: AircraftConfiguration,
  emptyMassKg: number,
  maxMach: number
): Record<string, EngineData> {
  const materialsOutput = materials.compute({ configuration, configVersion: 2, upstream: {} });
  return {
    design: { emptyMassKg },
    aerodynamics: { maxMach },
    materials: materialsOutput,
    sensors: sensors.compute({
      configuration,
      configVersion: 2,
      upstream: { materials: materialsOutput }
    })
  };
}

function run(configuration: AircraftConfiguration, engine = manufacturing): Output {
  const upstream = upstreamFor(configuration, 8570, 2.05);
  return engine.compute({ configuration, configVersion: 2, upstream }) as Output;
}

describe('ManufacturingEngine', () => {
  it('prices an F-16-class fighter in tens of millions of current dollars', () => {
    const output = run(f16LikeConfiguration());
    expect(output.configVersion).toBe(2);
    expect(output.notes).toEqual([]);
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
    const composite = f16LikeConfiguration();
    composite.materials.wings = 'cfrp_im7_8552';
    const before = run(f16LikeConfiguration());
    const after = run(composite);
    expect(after.materialFactor).toBeGreaterThan(before.materialFactor);
    expect(after.unitFlyawayCostMUSD).toBeGreaterThan(before.unitFlyawayCostMUSD);
    expect(after.rdteCostBUSD).toBeGreaterThan(before.rdteCostBUSD);
  });

  it('reports an infeasible process when the factory lacks the high-temperature autoclave', () => {
    const limited = new ManufacturingEngine(
      {
        ...library,
        processes: library.processes.filter(
          (process) => process.id !== 'high_temperature_autoclave_cure'
        )
      },
      { engines: aircraft.engines }
    );
    const configuration = f22LikeConfiguration();
    const output = limited.compute({
      configuration,
      configVersion: 1,
      upstream: upstreamFor(configuration, 19_700, 2.25)
    }) as Output;
    expect(output.feasible).toBe(false);
    expect(output.feasibility).toContainEqual(
      expect.objectContaining({ severity: 'error', processId: 'high_temperature_autoclave_cure' })
    );
  });

  it('falls back to the configuration and says so when upstream outputs are absent', () => {
    const output = manufacturing.compute({
      configuration: f16LikeConfiguration(),
      configVersion: 1,
      upstream: {}
    }) as Output;
    expect(output.notes.length).toBeGreaterThanOrEqual(4);
    expect(output.unitFlyawayCostMUSD).toBeGreaterThan(10);
  });

  it('answers a cost analysis at a requested quantity', () => {
    const configuration = f16LikeConfiguration();
    const context = {
      configuration,
      configVersion: 1,
      upstream: upstreamFor(configuration, 8570, 2.05),
      contributions: {},
      analysisType: 'cost_analysis'
    };
    const small = manufacturing.analyze({ ...context, params: { quantity: 100 } }) as Output & {
      quantity: number
    };
    const large = manufacturing.analyze({ ...context, params: { quantity: 1000 } }) as Output;
    expect(small.quantity).toBe(100);
    expect(small.unitFlyawayCostMUSD).toBeGreaterThan(large.unitFlyawayCostMUSD);
  });
});
