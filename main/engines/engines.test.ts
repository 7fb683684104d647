import { describe, it, expect } from 'vitest';
import type { AircraftConfiguration } from '../../shared/aircraft';
import type { AnalysisContext } from '../core/engine';
import { AerodynamicsEngine } from './aerodynamics/aerodynamics-engine';
import { loadScenario } from './calibration/scenarios';
import { DesignEngine } from './design/design-engine';
import { loadAircraftLibrary } from './design/library';
import { PropulsionEngine } from './propulsion/propulsion-engine';

const library = loadAircraftLibrary();
const configuration: AircraftConfiguration = loadScenario('f22a');

describe('design → propulsion → aerodynamics', () => {
  it('chains through upstream outputs and tags each output with the configuration version', () => {
    const design = new DesignEngine(library).compute({ configuration, configVersion: 3, upstream: {} });
    const propulsion = new PropulsionEngine(library).compute({ configuration, configVersion: 3, upstream: { design } });
    expect(propulsion.configVersion).toBe(3);
    expect(propulsion.wetThrustKN).toBeCloseTo(312, 6);
    expect(propulsion.massSource).toBe('design');
    expect(propulsion.thrustToWeight).toBeCloseTo(312_000 / ((design.loadedMassKg as number) * 9.80665), 6);

    const aero = new AerodynamicsEngine(library).compute({ configuration, configVersion: 3, upstream: { design, propulsion } });
    expect(aero.configVersion).toBe(3);
    expect(aero.engineModel).toBe(propulsion.engineModel);
    expect(aero.maxMach).toBeGreaterThan(1.8);
    expect(aero.supercruiseMach).toBeGreaterThan(1.3);
    expect(String(aero.structuralMachLimitSource)).toMatch(/fallback/);
    expect(JSON.parse(JSON.stringify(aero))).toEqual(aero);
  });

  it('uses the materials Mach limit when one is published', () => {
    const aero = new AerodynamicsEngine(library).compute({
      configuration,
      configVersion: 1,
      upstream: { materials: { maxAllowedMach: 1.5, structuralMassKg: 9000 } }
    });
    expect(aero.maxMach).toBeCloseTo(1.5, 6);
    expect(aero.structuralMachLimitSource).toBe('materials');
  });

  it('contributes real figures to analyses', () => {
    const context: AnalysisContext<AircraftConfiguration> = {
      configuration,
      configVersion: 1,
      upstream: {},
      analysisType: 'mission_analysis',
      params: {},
      contributions: {}
    };
    const mission = new AerodynamicsEngine(library).analyze(context) as { combatRadiusKm: number; requiredRadiusKm: number };
    expect(mission.combatRadiusKm).toBeGreaterThan(500);
    expect(mission.requiredRadiusKm).toBe(852);
    const integration = new DesignEngine(library).analyze({ ...context, analysisType: 'system_integration' }) as { powerMarginKW: number };
    expect(integration.powerMarginKW).toBeGreaterThan(0);
  });
});
