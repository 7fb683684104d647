import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { AnalysisContext, ComputeContext, EngineData, SimulationEngine } from '../../core/engine';
import type { AircraftLibrary } from '../design/library';
import { computeMassProperties } from '../design/mass-properties';
import { computeAircraftPerformance, type ExternalLimits } from '../performance/aircraft-performance';

/** Reads the materials engine's thermal Mach limit, if it published one. */
export function structuralLimitsFrom(materials: EngineData | undefined): ExternalLimits {
  const candidate = materials?.maxAllowedMach ?? materials?.maxMach;
  return typeof candidate === 'number' && candidate > 0 ? { structuralMaxMach: candidate } : {};
}

/**
 * The aerodynamics engine: drag polar, L/D, wing loading, stall speed and the whole-aircraft
 * performance (max Mach, supercruise, service ceiling, combat radius).
 */
export class AerodynamicsEngine implements SimulationEngine<AircraftConfiguration> {
  readonly id = 'aerodynamics';
  readonly capabilities = ['drag_polar', 'flight_envelope', 'mission_performance'] as const;
  readonly dependsOn = ['design', 'materials', 'propulsion'] as const;
  readonly analyses = ['complete_performance', 'mission_analysis', 'thermal_analysis'] as const;

  constructor(private readonly library: AircraftLibrary) {}

  compute(context: ComputeContext<AircraftConfiguration>): EngineData {
    const config = context.configuration;
    const mass = computeMassProperties(config, this.library);
    const materials = context.upstream.materials;
    const perf = computeAircraftPerformance(config, this.library, mass, structuralLimitsFrom(materials));
    return {
      configVersion: context.configVersion,
      engineModel: config.propulsion.engineModel,
      cd0: perf.cd0,
      k: perf.k,
      ldMax: perf.ldMax,
      oswaldEfficiency: perf.oswaldEfficiency,
      aspectRatio: perf.aspectRatio,
      dragDivergenceMach: perf.dragDivergenceMach,
      wingLoadingKgM2: perf.wingLoadingKgM2,
      thrustToWeight: perf.thrustToWeightLoaded,
      stallSpeedMs: perf.stallSpeedMs,
      maxMach: perf.maxMach.mach,
      maxMachAltitudeM: perf.maxMach.altitudeM,
      maxMachLimitedBy: perf.maxMach.limitedBy,
      supercruiseMach: perf.supercruise.mach,
      serviceCeilingM: perf.serviceCeilingM,
      combatRadiusKm: perf.combat.radiusKm,
      structuralMachLimitSource: perf.structuralMaxMachSource === 'materials' ? 'materials' : 'fallback (cfd.yaml): materials gave no maxAllowedMach',
      structuralMassSource: 'design roll-up: platform + materials structural delta + coatings (materials models)'
    };
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): unknown {
    const config = context.configuration;
    const mass = computeMassProperties(config, this.library);
    const perf = computeAircraftPerformance(config, this.library, mass, structuralLimitsFrom(context.upstream.materials));
    if (context.analysisType === 'mission_analysis') {
      return { combatRadiusKm: perf.combat.radiusKm, requiredRadiusKm: config.mission.combatRadiusKm, fuelKg: perf.combat.fuelKg, cruiseMach: perf.combat.cruiseMach };
    }
    if (context.analysisType === 'thermal_analysis') {
      return { maxMach: perf.maxMach.mach, limitedBy: perf.maxMach.limitedBy, altitudeM: perf.maxMach.altitudeM };
    }
    return {
      maxMach: perf.maxMach.mach,
      supercruiseMach: perf.supercruise.mach,
      serviceCeilingM: perf.serviceCeilingM,
      combatRadiusKm: perf.combat.radiusKm,
      ldMax: perf.ldMax,
      wingLoadingKgM2: perf.wingLoadingKgM2,
      thrustToWeight: perf.thrustToWeightLoaded
    };
  }
}
