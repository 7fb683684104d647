import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { MassProperties } from '../../../shared/engine-outputs';
import type { CfdModel } from '../../../shared/library/cfd';
import { isaAtmosphere } from '../atmosphere/isa';
import {
  buildDragModel,
  inducedDragFactor,
  maxLiftToDrag,
  stallSpeedMs,
  wingLoadingKgM2,
  zeroLiftDragCoefficient
} from '../aerodynamics/drag-polar';
import type { AircraftLibrary } from '../design/library';
import { thrustToWeight } from '../propulsion/thrust';
import { combatRadius, type CombatRadiusResult } from './combat-radius';
import { maxLevelMach, serviceCeilingM, supercruiseMach, type SpeedResult } from './envelope';
import type { FlightModel } from './flight-model';

/** Limits handed down from other engines (materials); absent values use cfd.yaml fallbacks. */
export interface ExternalLimits {
  structuralMaxMach?: number;
}

/** The figures an optimizer ranks designs by: T/W, wing loading, top speed and combat radius. */
export interface RankingFlightFigures {
  thrustToWeightLoaded: number;
  wingLoadingKgM2: number;
  maxMach: SpeedResult;
  combat: CombatRadiusResult;
}

/** Every whole-aircraft flight figure: the ranking figures, the polar, supercruise and ceiling. */
export interface FlightFigures extends RankingFlightFigures {
  cd0: number;
  k: number;
  ldMax: number;
  oswaldEfficiency: number;
  aspectRatio: number;
  wettedAreaM2: number;
  dragDivergenceMach: number;
  stallSpeedMs: number;
  /** Mass at which max Mach, supercruise and ceiling are evaluated. */
  envelopeMassKg: number;
  supercruise: SpeedResult;
  serviceCeilingM: number;
  structuralMaxMachSource: 'materials' | 'fallback';
}

/** Mach of the subsonic polar figures (CD0, K, (L/D)max). */
const SUBSONIC_MACH = 0.6;

/**
 * Builds the flight model of a configuration in its combat fit: tanks, mission stores and
 * their pylons off (the radius mission adds them back with `cd0Stores`).
 */
export function buildFlightModel(
  config: AircraftConfiguration,
  library: AircraftLibrary,
  mass: MassProperties,
  limits: ExternalLimits = {}
): FlightModel {
  const engine = library.engineById.get(config.propulsion.engineModel);
  if (!engine) throw new Error(`unknown engine ${config.propulsion.engineModel}`);
  const platform = config.basePlatform;
  const drag = buildDragModel(
    {
      wingAreaM2: platform.wingAreaM2,
      wingspanM: platform.wingspanM,
      lengthM: platform.lengthM,
      sweepDeg: platform.sweepDeg,
      thicknessRatio: platform.thicknessRatio,
      sizingMassKg: mass.emptyMassKg + platform.internalFuelKg,
      storesDragAreaM2:
        mass.externalStoresDragAreaM2 -
        mass.externalTankDragAreaM2 -
        mass.missionStoreDragAreaM2 -
        mass.missionPylonDragAreaM2,
      carrierBased: mass.carrierBased
    },
    library.cfd
  );
  return {
    drag,
    engine,
    engineCount: config.propulsion.count,
    inlet: library.cfd.inlets[platform.inletType ?? 'fixed_ramp'],
    maxCompressorInletTempK: engine.maxCompressorInletTempK ?? library.cfd.thermal.defaultMaxCompressorInletTempK,
    structuralMaxMach: limits.structuralMaxMach ?? library.cfd.thermal.fallbackStructuralMaxMach
  };
}

/** Mass at which the envelope (max Mach, supercruise, ceiling) is evaluated: part of the internal fuel burnt. */
export function envelopeMassKg(mass: MassProperties, cfd: CfdModel): number {
  return mass.loadedMassKg - cfd.envelope.fuelBurntFraction * mass.internalFuelKg;
}

/**
 * T/W and wing loading at loaded mass, max level Mach and the combat radius: the figures a
 * ranking reads, by the same functions `computeFlightFigures` uses.
 * @example rankingFlightFigures(config, model, mass, library.cfd).combat.radiusKm
 */
export function rankingFlightFigures(
  config: AircraftConfiguration,
  model: FlightModel,
  mass: MassProperties,
  cfd: CfdModel
): RankingFlightFigures {
  return {
    thrustToWeightLoaded: thrustToWeight(model.engine.wetThrustKN * model.engineCount, mass.loadedMassKg),
    wingLoadingKgM2: wingLoadingKgM2(mass.loadedMassKg, config.basePlatform.wingAreaM2),
    maxMach: maxLevelMach(model, envelopeMassKg(mass, cfd)),
    combat: combatRadius(model, mass, cfd, config.mission)
  };
}

/**
 * Every whole-aircraft flight figure of a configuration: polar, T/W and wing loading at loaded
 * mass, stall speed, max Mach, supercruise, service ceiling and combat radius.
 * @example const figures = computeFlightFigures(config, library, computeMassProperties(config, library));
 */
export function computeFlightFigures(
  config: AircraftConfiguration,
  library: AircraftLibrary,
  mass: MassProperties,
  limits: ExternalLimits = {}
): FlightFigures {
  const cfd = library.cfd;
  const model = buildFlightModel(config, library, mass, limits);
  const envelopeKg = envelopeMassKg(mass, cfd);
  const ranking = rankingFlightFigures(config, model, mass, cfd);
  // Field by field, not spread: see `AerodynamicsEngine.evaluate`.
  return {
    thrustToWeightLoaded: ranking.thrustToWeightLoaded,
    wingLoadingKgM2: ranking.wingLoadingKgM2,
    maxMach: ranking.maxMach,
    combat: ranking.combat,
    cd0: zeroLiftDragCoefficient(model.drag, SUBSONIC_MACH),
    k: inducedDragFactor(model.drag, SUBSONIC_MACH),
    ldMax: maxLiftToDrag(model.drag, SUBSONIC_MACH),
    oswaldEfficiency: model.drag.oswaldEfficiency,
    aspectRatio: model.drag.aspectRatio,
    wettedAreaM2: model.drag.wettedAreaM2,
    dragDivergenceMach: model.drag.machDragDivergence,
    stallSpeedMs: stallSpeedMs(mass.loadedMassKg, config.basePlatform.wingAreaM2, cfd.lift.clMaxClean, isaAtmosphere(0).densityKgM3),
    envelopeMassKg: envelopeKg,
    supercruise: supercruiseMach(model, envelopeKg),
    serviceCeilingM: serviceCeilingM(
      model,
      envelopeKg,
      cfd.envelope.serviceCeilingThrottle,
      cfd.envelope.serviceCeilingPsMs,
      cfd.envelope.altitudeSearchMaxM
    ),
    structuralMaxMachSource: limits.structuralMaxMach === undefined ? 'fallback' : 'materials'
  };
}
