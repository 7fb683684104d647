import { describe, expect, it } from 'vitest';
import { STRUCTURAL_ZONES, type AircraftConfiguration } from '../../../shared/aircraft';
import type { MaterialsOutputs } from '../../../shared/engine-outputs';
import type { AnalysisContext } from '../../core/engine';
import { loadScenario } from '../calibration/scenarios';
import { loadMaterialsLibrary } from './library';
import { MaterialsEngine } from './materials-engine';

const engine = new MaterialsEngine(loadMaterialsLibrary());
const f16 = (): AircraftConfiguration => structuredClone(loadScenario('f16c-block50'));
const f22 = (): AircraftConfiguration => structuredClone(loadScenario('f22a'));

function compute(configuration: AircraftConfiguration): MaterialsOutputs {
  return engine.compute({ configuration, configVersion: 7, upstream: {} });
}

function analysisContext(
  analysisType: string,
  params: AnalysisContext['params'] = {}
): AnalysisContext<AircraftConfiguration> {
  return {
    configuration: f16(),
    configVersion: 1,
    upstream: {},
    analysisType,
    params,
    contributions: {}
  };
}

describe('MaterialsEngine', () => {
  it('computes serialisable outputs for the four scenarios', () => {
    for (const id of ['f22a', 'f16c-block50', 'typhoon', 'fa18e']) {
      const output = compute(loadScenario(id));
      expect(JSON.parse(JSON.stringify(output))).toEqual(output);
      const sum = Object.values(output.zoneMassesKg).reduce((total, mass) => total + mass, 0);
      expect(sum).toBeCloseTo(output.structuralMassKg, 6);
      expect(output.maxAllowedMach).toBe(output.thermal.maxMachAllowed);
    }
  });

  it('gives the all-7075 airframe exactly its reference structural mass', () => {
    const configuration = f16();
    for (const zone of STRUCTURAL_ZONES) configuration.materials[zone] = 'al_7075';
    const result = engine.evaluate(configuration);
    expect(result.structuralMassKg).toBeCloseTo(configuration.basePlatform.emptyMassKg * 0.6, 6);
    expect(result.structuralMassDeltaKg).toBeCloseTo(0, 6);
    expect(result.categoryShares.aluminium).toBeCloseTo(1, 12);
  });

  it('lightens the wings when aluminium is swapped for carbon/epoxy', () => {
    const aluminium = f16();
    aluminium.materials.wings = 'al_2024';
    const composite = f16();
    composite.materials.wings = 'cfrp_im7_8552';
    const before = engine.evaluate(aluminium);
    const after = engine.evaluate(composite);
    expect(after.zoneMassesKg.wings).toBeLessThan(before.zoneMassesKg.wings * 0.75);
    expect(after.structuralMassKg).toBeLessThan(before.structuralMassKg);
    expect(after.processesRequired).toContain('autoclave_cure');
  });

  it('adds coating mass over the coated wetted area', () => {
    const bare = f22();
    bare.coatings = [];
    expect(engine.evaluate(bare).coatingMassKg).toBe(0);
    const coated = f22();
    coated.coatings = [{ coatingId: 'ram_iron_ball', zones: ['wings'] }];
    // 2.5 kg/m² × 78.04 m² × 4 × 0.36
    const result = engine.evaluate(coated);
    expect(result.coatingMassKg).toBeCloseTo(2.5 * 78.04 * 4 * 0.36, 6);
    expect(result.zoneAbsorptionDb.wings.X).toBe(15);
    expect(result.zoneAbsorptionDb.center_fuselage.X).toBe(0);
  });

  it('finds the thermal limit of an aluminium wing at Mach 2.5', () => {
    const configuration = f16();
    configuration.materials.wings = 'al_2024';
    configuration.mission.speedBandMach.max = 2.5;
    const { thermal } = engine.evaluate(configuration);
    // wing leading edge at 11 km (T = 216.77 K): T0 = 216.77 × (1 + 0.2 × 6.25) = 487.7 K,
    // against 423 K for 2024-T3
    expect(thermal.altitudeM).toBe(11_000);
    expect(thermal.zones.wings.wallTemperatureK).toBeCloseTo(487.7, 0);
    expect(thermal.zones.wings.marginK).toBeCloseTo(423 - 487.7, 0);
    expect(thermal.marginK).toBeLessThan(0);
    expect(thermal.maxMachAllowed).toBeLessThan(2.5);
    expect(thermal.zones.engine_bay.maxMach).toBeGreaterThan(2.5);
  });

  it('caps a coated zone at the coating temperature limit', () => {
    expect(engine.evaluate(f22()).thermal.zones.wings.limitK).toBe(450);
  });

  it('rejects an unknown material id', () => {
    const configuration = f16();
    configuration.materials.wings = 'unobtainium';
    expect(() => compute(configuration)).toThrow('unknown material "unobtainium" in zone wings');
  });

  it('answers the analyses it contributes to', () => {
    const thermal = engine.analyze(analysisContext('thermal_analysis', { mach: 1.5 })) as {
      evaluatedMach: number;
    };
    expect(thermal.evaluatedMach).toBe(1.5);
    const feasibility = engine.analyze(analysisContext('manufacturing_feasibility')) as {
      processesRequired: string[];
    };
    expect(feasibility.processesRequired).toContain('sheet_forming');
    expect(engine.analyses).toContain('stealth_analysis');
  });
});
