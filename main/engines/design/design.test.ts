import { describe, it, expect } from 'vitest';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import { loadScenario } from '../calibration/scenarios';
import { evaluateMaterials, materialMassFactors } from '../materials/evaluate-materials';
import { indexMaterialsLibrary, loadMaterialsLibrary } from '../materials/library';
import { computeFlightFigures } from '../flight/flight-figures';
import { DesignEngine } from './design-engine';
import { evaluateDesign } from './evaluate';
import { loadAircraftLibrary } from './library';

const library = loadAircraftLibrary();
const f16 = (): AircraftConfiguration => structuredClone(loadScenario('f16c-block50'));
const codes = (config: AircraftConfiguration): string[] => evaluateDesign(config, library).findings.map((f) => f.code);

describe('mass properties', () => {
  it('rolls the F-16 up to its published empty and loaded masses', () => {
    const { mass, valid } = evaluateDesign(f16(), library);
    expect(valid).toBe(true);
    expect(mass.emptyMassKg).toBeCloseTo(8570, 0);
    // empty + internal fuel + pilot + two AIM-9X; the two tanks are take-off mass only
    expect(mass.loadedMassKg).toBeCloseTo(8570 + 3175 + 100 + 170, 0);
    // Mission stores (two tanks with fuel, two TERs, six Mk 83) count for take-off, not for loaded mass.
    expect(mass.takeoffMassKg).toBeCloseTo(mass.loadedMassKg + 2 * (135 + 1130) + 2 * 45 + 6 * 454, 0);
    expect(mass.missionStoreExpendableMassKg).toBeCloseTo(6 * 454, 6);
    expect(mass.massBreakdownKg.engines).toBe(1805);
    expect(mass.cgFractionOfLength).toBeGreaterThan(0.4);
    expect(mass.cgFractionOfLength).toBeLessThan(0.65);
  });

  it('moves the centre of gravity forward when a nose module gets heavier', () => {
    const light = evaluateDesign(f16(), library).mass.cgXm;
    const config = f16();
    config.modules.push({ instanceId: 'extra-radar', libraryId: 'apg-77', attachmentPoint: 'nose' });
    expect(evaluateDesign(config, library).mass.cgXm).toBeLessThan(light);
  });
});

describe('validation findings', () => {
  it('flags unknown modules and duplicate instance ids with their paths', () => {
    const config = f16();
    config.modules.push({ instanceId: 'radar', libraryId: 'flux-capacitor', attachmentPoint: 'nose' });
    const findings = evaluateDesign(config, library).findings;
    expect(findings).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_INSTANCE_ID', path: `modules[${config.modules.length - 1}].instanceId` }));
    expect(findings).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_MODULE', severity: 'error' }));
  });

  it('flags a module on a missing or wrong-kind attachment point', () => {
    const config = f16();
    config.modules.push({ instanceId: 'a', libraryId: 'aim-120c', attachmentPoint: 'nowhere' });
    config.modules.push({ instanceId: 'b', libraryId: 'apg-79', attachmentPoint: 'sta3' });
    expect(codes(config)).toEqual(expect.arrayContaining(['UNKNOWN_ATTACHMENT_POINT', 'WRONG_ATTACHMENT_KIND']));
  });

  it('warns of an overloaded attachment point, power and cooling budgets and MTOW, and stays valid', () => {
    const config = f16();
    config.modules.push({ instanceId: 'heavy', libraryId: 'gbu-31', attachmentPoint: 'sta1' });
    config.basePlatform.powerGenerationKW = 5;
    config.basePlatform.coolingCapacityKW = 5;
    config.basePlatform.maxTakeoffMassKg = 12_000;
    const { valid, findings } = evaluateDesign(config, library);
    const budgets = ['ATTACHMENT_OVERLOADED', 'POWER_BUDGET_EXCEEDED', 'COOLING_BUDGET_EXCEEDED', 'MTOW_EXCEEDED'];
    expect(findings.filter((f) => budgets.includes(f.code)).map((f) => [f.code, f.severity])).toEqual(
      expect.arrayContaining(budgets.map((code) => [code, 'warning']))
    );
    expect(valid).toBe(true);
  });

  it('warns of an implausible T/W and refuses an unknown engine, material or coating', () => {
    const config = f16();
    config.basePlatform.emptyMassKg = 40_000;
    expect(evaluateDesign(config, library).findings).toContainEqual(
      expect.objectContaining({ code: 'THRUST_TO_WEIGHT_OUT_OF_RANGE', severity: 'warning' })
    );
    config.propulsion.engineModel = 'J79-GE-17';
    config.materials.wings = 'unobtainium';
    config.coatings = [{ coatingId: 'paint', zones: ['wings'] }];
    const { valid, findings } = evaluateDesign(config, library);
    expect(valid).toBe(false);
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.path])).toEqual([
      ['UNKNOWN_ENGINE', 'propulsion.engineModel'],
      ['UNKNOWN_MATERIAL', 'materials.wings'],
      ['UNKNOWN_COATING', 'coatings[0].coatingId']
    ]);
  });
});

describe('materials in the mass roll-up', () => {
  const materialsLibrary = loadMaterialsLibrary();
  const index = indexMaterialsLibrary(materialsLibrary);
  const factors = materialMassFactors(index);

  it('adds the structural delta and the coatings the materials engine reports', () => {
    const config = structuredClone(loadScenario('f22a'));
    const { mass } = evaluateDesign(config, library);
    const materials = evaluateMaterials(index, factors, config);
    expect(mass.massBreakdownKg.structure).toBeCloseTo(materials.structuralMassKg, 6);
    expect(mass.structuralMassDeltaKg).toBeCloseTo(materials.structuralMassDeltaKg, 6);
    expect(mass.massBreakdownKg.coatings).toBeCloseTo(materials.coatingMassKg, 6);
    expect(mass.massBreakdownKg.coatings).toBeGreaterThan(0);
    expect(mass.massBreakdownKg.platform + mass.massBreakdownKg.structure + mass.massBreakdownKg.coatings).toBeCloseTo(
      config.basePlatform.emptyMassKg + materials.structuralMassDeltaKg + materials.coatingMassKg,
      6
    );
  });

  it('lowers the empty mass and raises T/W and combat radius when the wing goes from Al 7075 to CFRP', () => {
    const aluminium = f16();
    aluminium.materials.wings = 'al_7075';
    const composite = f16();
    composite.materials.wings = 'cfrp_im7_8552';
    const before = evaluateDesign(aluminium, library).mass;
    const after = evaluateDesign(composite, library).mass;
    expect(after.emptyMassKg).toBeLessThan(before.emptyMassKg - 50);
    const perfBefore = computeFlightFigures(aluminium, library, before);
    const perfAfter = computeFlightFigures(composite, library, after);
    expect(perfAfter.thrustToWeightLoaded).toBeGreaterThan(perfBefore.thrustToWeightLoaded);
    expect(perfAfter.combat.radiusKm).toBeGreaterThan(perfBefore.combat.radiusKm);
  });

  it('reports the same structure and coating masses as the materials engine from its constructor library', () => {
    const output = new DesignEngine(library, materialsLibrary).evaluate(loadScenario('f22a'));
    const materials = evaluateMaterials(index, factors, loadScenario('f22a'));
    expect(output.structuralMassKg).toBeCloseTo(materials.structuralMassKg, 6);
    expect(output.coatingMassKg).toBeCloseTo(materials.coatingMassKg, 6);
    expect(output.massBreakdownKg.structure).toBeCloseTo(materials.structuralMassKg, 6);
  });
});

describe('DesignEngine', () => {
  it('returns serialisable outputs: the mass roll-up with the findings', () => {
    const output = new DesignEngine(library).compute({ configuration: f16(), configVersion: 7, upstream: {} });
    expect(output.valid).toBe(true);
    expect(output.loadedMassKg).toBeCloseTo(12_015, 0);
    expect(JSON.parse(JSON.stringify(output))).toEqual(output);
  });

  it('reports mounted and removed modules, and nothing on its first computation', () => {
    const engine = new DesignEngine(library);
    const emitted: unknown[] = [];
    const emit = (emission: unknown): void => void emitted.push(emission);
    const base = f16();
    engine.compute({ configuration: base, configVersion: 1, upstream: {}, emit });
    expect(emitted).toEqual([]);
    const pod = { instanceId: 'aim9-extra', libraryId: 'aim-9x', attachmentPoint: 'sta5' };
    engine.compute({ configuration: { ...base, modules: [...base.modules, pod] }, configVersion: 2, upstream: {}, emit });
    expect(emitted).toEqual([
      { eventType: 'module_added', data: { ...pod, name: library.moduleById.get('aim-9x')?.name, category: 'payload' } }
    ]);
  });
});
