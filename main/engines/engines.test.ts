import { describe, it, expect } from 'vitest';
import type { AircraftConfiguration } from '../../shared/aircraft';
import type { AnalysisContext } from '../core/engine';
import { AerodynamicsEngine } from './aerodynamics/aerodynamics-engine';
import { STANDARD_GRAVITY_MS2 } from './atmosphere/isa';
import { loadScenario } from './calibration/scenarios';
import { DesignEngine } from './design/design-engine';
import { computeEngines, shippedLibraries } from './testing/run-engines';

const library = shippedLibraries().aircraft;
const configuration: AircraftConfiguration = loadScenario('f22a');

describe('design → materials → propulsion → aerodynamics', () => {
  it('chains through the upstream outputs', () => {
    const { design, materials, propulsion, aerodynamics } = computeEngines(configuration);
    expect(propulsion.wetThrustKN).toBeCloseTo(312, 6);
    expect(propulsion.loadedMassKg).toBe(design.loadedMassKg);
    expect(propulsion.thrustToWeight).toBeCloseTo(312_000 / (design.loadedMassKg * STANDARD_GRAVITY_MS2), 6);
    expect(aerodynamics.engineModel).toBe(propulsion.engineModel);
    expect(aerodynamics.thrustToWeight).toBe(propulsion.thrustToWeight);
    expect(aerodynamics.maxMach).toBeGreaterThan(1.8);
    expect(aerodynamics.maxMach).toBeLessThanOrEqual(materials.maxAllowedMach);
    expect(aerodynamics.supercruiseMach).toBeGreaterThan(1.3);
    expect(JSON.parse(JSON.stringify(aerodynamics))).toEqual(aerodynamics);
  });

  it('caps the top speed at the materials Mach limit', () => {
    const { design, materials } = computeEngines(configuration);
    const capped = new AerodynamicsEngine(library).evaluate(configuration, { design, materials: { ...materials, maxAllowedMach: 1.5 } });
    expect(capped.maxMach).toBeCloseTo(1.5, 6);
    expect(capped.maxMachLimitedBy).toBe('structure');
  });

  it('refuses to compute without the outputs of an engine it depends on', () => {
    expect(() => new AerodynamicsEngine(library).compute({ configuration, configVersion: 1, upstream: {} })).toThrow(
      /no design outputs upstream/
    );
  });

  it('contributes real figures to analyses', () => {
    const outputs = computeEngines(configuration);
    const context: AnalysisContext<AircraftConfiguration> = {
      configuration,
      configVersion: 1,
      upstream: outputs,
      analysisType: 'mission_analysis',
      params: {},
      contributions: {}
    };
    const mission = new AerodynamicsEngine(library).analyze(context) as { combatRadiusKm: number; requiredRadiusKm: number };
    expect(mission.combatRadiusKm).toBe(outputs.aerodynamics.combatRadiusKm);
    expect(mission.requiredRadiusKm).toBe(852);
    const integration = new DesignEngine(library).analyze({ ...context, analysisType: 'system_integration' }) as { powerMarginKW: number };
    expect(integration.powerMarginKW).toBeGreaterThan(0);
  });
});
