import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { AerodynamicsOutputs, MassProperties, MaterialsOutputs } from '../../../shared/engine-outputs';
import type { AnalysisContext, ComputeContext, SimulationEngine } from '../../core/engine';
import type { AircraftLibrary } from '../design/library';
import type { RadiusFuelKg } from '../flight/combat-radius';
import {
  buildFlightModel,
  computeFlightFigures,
  rankingFlightFigures,
  type RankingFlightFigures
} from '../flight/flight-figures';
import { upstreamOutputs } from '../upstream';

/** What the aerodynamics engine reads of its upstream engines' outputs. */
export interface AerodynamicsUpstream {
  /** The design engine's mass roll-up (masses, stores drag areas). */
  design: MassProperties;
  /** The structural (thermal) Mach limit. */
  materials: Pick<MaterialsOutputs, 'maxAllowedMach'>;
}

/** The aerodynamics outputs a ranking reads: T/W, wing loading, top speed and combat radius. */
export type AerodynamicsRanking = Pick<
  AerodynamicsOutputs,
  'engineModel' | 'wingLoadingKgM2' | 'thrustToWeight' | 'maxMach' | 'maxMachAltitudeM' | 'maxMachLimitedBy' | 'combatRadiusKm'
>;

/** What the aerodynamics engine answers to each analysis it contributes to. */
export interface AerodynamicsAnswers {
  mission_analysis: { combatRadiusKm: number; requiredRadiusKm: number; fuelKg: RadiusFuelKg; cruiseMach: number };
  thermal_analysis: { maxMach: number; limitedBy: AerodynamicsOutputs['maxMachLimitedBy']; altitudeM: number };
  complete_performance: Pick<
    AerodynamicsOutputs,
    'maxMach' | 'supercruiseMach' | 'serviceCeilingM' | 'combatRadiusKm' | 'ldMax' | 'wingLoadingKgM2' | 'thrustToWeight'
  >;
}

/** The ranking outputs of the ranking figures: one mapping for `evaluate` and `evaluateForRanking`. */
function rankingOutputs(configuration: AircraftConfiguration, figures: RankingFlightFigures): AerodynamicsRanking {
  return {
    engineModel: configuration.propulsion.engineModel,
    wingLoadingKgM2: figures.wingLoadingKgM2,
    thrustToWeight: figures.thrustToWeightLoaded,
    maxMach: figures.maxMach.mach,
    maxMachAltitudeM: figures.maxMach.altitudeM,
    maxMachLimitedBy: figures.maxMach.limitedBy,
    combatRadiusKm: figures.combat.radiusKm
  };
}

/**
 * The aerodynamics engine: drag polar, L/D, wing loading, stall speed and the whole-aircraft
 * flight figures (max Mach, supercruise, service ceiling, combat radius) from the design
 * engine's mass roll-up, capped by the materials engine's thermal Mach limit.
 * @example new AerodynamicsEngine(library).evaluate(config, { design, materials }).maxMach
 */
export class AerodynamicsEngine implements SimulationEngine<AircraftConfiguration, AerodynamicsOutputs> {
  readonly id = 'aerodynamics';
  readonly capabilities = ['drag_polar', 'flight_envelope', 'combat_radius'] as const;
  readonly dependsOn = ['design', 'materials', 'propulsion'] as const;
  readonly analyses = ['complete_performance', 'mission_analysis', 'thermal_analysis'] as const;

  constructor(private readonly library: AircraftLibrary) {}

  /** Every output of a configuration given its upstream outputs. */
  evaluate(configuration: AircraftConfiguration, upstream: AerodynamicsUpstream): AerodynamicsOutputs {
    const figures = computeFlightFigures(configuration, this.library, upstream.design, {
      structuralMaxMach: upstream.materials.maxAllowedMach
    });
    const ranking = rankingOutputs(configuration, figures);
    // Field by field, not `{ ...ranking, cd0, … }`: V8 gives a spread followed by more fields
    // about half a kilobyte of garbage per field, and this runs on every configuration change.
    return {
      engineModel: ranking.engineModel,
      wingLoadingKgM2: ranking.wingLoadingKgM2,
      thrustToWeight: ranking.thrustToWeight,
      maxMach: ranking.maxMach,
      maxMachAltitudeM: ranking.maxMachAltitudeM,
      maxMachLimitedBy: ranking.maxMachLimitedBy,
      combatRadiusKm: ranking.combatRadiusKm,
      cd0: figures.cd0,
      k: figures.k,
      ldMax: figures.ldMax,
      oswaldEfficiency: figures.oswaldEfficiency,
      aspectRatio: figures.aspectRatio,
      dragDivergenceMach: figures.dragDivergenceMach,
      stallSpeedMs: figures.stallSpeedMs,
      supercruiseMach: figures.supercruise.mach,
      serviceCeilingM: figures.serviceCeilingM
    };
  }

  /**
   * The outputs an optimizer ranks by, by the same functions as `evaluate`, without the
   * supercruise and service-ceiling searches.
   */
  evaluateForRanking(configuration: AircraftConfiguration, upstream: AerodynamicsUpstream): AerodynamicsRanking {
    const model = buildFlightModel(configuration, this.library, upstream.design, {
      structuralMaxMach: upstream.materials.maxAllowedMach
    });
    return rankingOutputs(configuration, rankingFlightFigures(configuration, model, upstream.design, this.library.cfd));
  }

  compute(context: ComputeContext<AircraftConfiguration>): AerodynamicsOutputs {
    return this.evaluate(context.configuration, this.upstreamOf(context));
  }

  analyze(context: AnalysisContext<AircraftConfiguration>): AerodynamicsAnswers[keyof AerodynamicsAnswers] {
    const config = context.configuration;
    const upstream = this.upstreamOf(context);
    const figures = computeFlightFigures(config, this.library, upstream.design, {
      structuralMaxMach: upstream.materials.maxAllowedMach
    });
    if (context.analysisType === 'mission_analysis') {
      return {
        combatRadiusKm: figures.combat.radiusKm,
        requiredRadiusKm: config.mission.combatRadiusKm,
        fuelKg: figures.combat.fuelKg,
        cruiseMach: figures.combat.cruiseMach
      };
    }
    if (context.analysisType === 'thermal_analysis') {
      return { maxMach: figures.maxMach.mach, limitedBy: figures.maxMach.limitedBy, altitudeM: figures.maxMach.altitudeM };
    }
    return {
      maxMach: figures.maxMach.mach,
      supercruiseMach: figures.supercruise.mach,
      serviceCeilingM: figures.serviceCeilingM,
      combatRadiusKm: figures.combat.radiusKm,
      ldMax: figures.ldMax,
      wingLoadingKgM2: figures.wingLoadingKgM2,
      thrustToWeight: figures.thrustToWeightLoaded
    };
  }

  private upstreamOf(context: ComputeContext<AircraftConfiguration>): AerodynamicsUpstream {
    return { design: upstreamOutputs(context, 'design'), materials: upstreamOutputs(context, 'materials') };
  }
}
