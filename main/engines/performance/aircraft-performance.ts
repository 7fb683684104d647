import type { AircraftConfiguration } from '../../../shared/aircraft';
import { isaAtmosphere } from '../atmosphere/isa';
import {
  buildDragModel,
  inducedDragFactor,
  maxLiftToDrag,
  stallSpeedMs,
  wingLoadingKgM2,
  zeroLiftDragCoefficient,
  type DragModel
} from '../aerodynamics/drag-polar';
import type { AircraftLibrary } from '../design/library';
import type { MassProperties } from '../design/mass-properties';
import { thrustToWeight } from '../propulsion/thrust';
import { combatRadius, type CombatRadiusResult } from './combat-radius';
import { maxLevelMach, serviceCeilingM, supercruiseMach, type SpeedResult } from './envelope';
import type { PerformanceModel } from './performance-model';

/** Limits handed down from other engines (materials); absent values use cfd.yaml fallbacks. */
export interface ExternalLimits {
  structuralMaxMach?: number;
}

/** Whole-aircraft performance figures. */
export interface AircraftPerformance {
  cd0: number;
  k: number;
  ldMax: number;
  oswaldEfficiency: number;
  aspectRatio: number;
  wettedAreaM2: number;
  dragDivergenceMach: number;
  thrustToWeightLoaded: number;
  wingLoadingKgM2: number;
  stallSpeedMs: number;
  /** Mass at which max Mach, supercruise and ceiling are evaluated. */
  performanceMassKg: number;
  maxMach: SpeedResult;
  supercruise: SpeedResult;
  serviceCeilingM: number;
  combat: CombatRadiusResult;
  structuralMaxMachSource: 'materials' | 'fallback';
}

/**
 * Builds the performance model of a configuration in its combat fit: tanks, mission stores and
 * their pylons off (the radius mission adds them back with `cd0Stores`).
 */
export function buildPerformanceModel(
  config: AircraftConfiguration,
  library: AircraftLibrary,
  mass: MassProperties,
  limits: ExternalLimits = {}
): PerformanceModel {
  const engine = library.engineById.get(config.propulsion.engineModel);
  if (!engine) throw new Error(`unknown engine ${config.propulsion.engineModel}`);
  const platform = config.basePlatform;
  const drag: DragModel = buildDragModel(
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

/**
 * Every whole-aircraft figure of a configuration: polar, T/W and wing loading at loaded mass,
 * stall speed, max Mach, supercruise, service ceiling and combat radius.
 * @example const perf = computeAircraftPerformance(config, library, computeMassProperties(config, library));
 */
export function computeAircraftPerformance(
  config: AircraftConfiguration,
  library: AircraftLibrary,
  mass: MassProperties,
  limits: ExternalLimits = {}
): AircraftPerformance {
  const cfd = library.cfd;
  const model = buildPerformanceModel(config, library, mass, limits);
  const platform = config.basePlatform;
  const performanceMassKg = mass.loadedMassKg - cfd.performance.fuelBurntFraction * mass.internalFuelKg;
  const subsonicMach = 0.6;
  return {
    cd0: zeroLiftDragCoefficient(model.drag, subsonicMach),
    k: inducedDragFactor(model.drag, subsonicMach),
    ldMax: maxLiftToDrag(model.drag, subsonicMach),
    oswaldEfficiency: model.drag.oswaldEfficiency,
    aspectRatio: model.drag.aspectRatio,
    wettedAreaM2: model.drag.wettedAreaM2,
    dragDivergenceMach: model.drag.machDragDivergence,
    thrustToWeightLoaded: thrustToWeight(model.engine.wetThrustKN * model.engineCount, mass.loadedMassKg),
    wingLoadingKgM2: wingLoadingKgM2(mass.loadedMassKg, platform.wingAreaM2),
    stallSpeedMs: stallSpeedMs(mass.loadedMassKg, platform.wingAreaM2, cfd.lift.clMaxClean, isaAtmosphere(0).densityKgM3),
    performanceMassKg,
    maxMach: maxLevelMach(model, performanceMassKg),
    supercruise: supercruiseMach(model, performanceMassKg),
    serviceCeilingM: serviceCeilingM(
      model,
      performanceMassKg,
      cfd.performance.serviceCeilingThrottle,
      cfd.performance.serviceCeilingPsMs,
      cfd.performance.altitudeSearchMaxM
    ),
    combat: combatRadius(model, mass, cfd, config.mission),
    structuralMaxMachSource: limits.structuralMaxMach === undefined ? 'fallback' : 'materials'
  };
}

/** The cheap subset of the figures (no envelope searches), for optimizers evaluating many designs. */
export interface QuickPerformance {
  cd0: number;
  ldMax: number;
  thrustToWeightLoaded: number;
  wingLoadingKgM2: number;
  combatRadiusKm: number;
}

/**
 * T/W, wing loading, CD0, (L/D)max and combat radius without the max-Mach, supercruise and
 * ceiling searches (those dominate the cost of `computeAircraftPerformance`).
 */
export function computeQuickPerformance(
  config: AircraftConfiguration,
  library: AircraftLibrary,
  mass: MassProperties
): QuickPerformance {
  const model = buildPerformanceModel(config, library, mass);
  return {
    cd0: zeroLiftDragCoefficient(model.drag, 0.6),
    ldMax: maxLiftToDrag(model.drag, 0.6),
    thrustToWeightLoaded: thrustToWeight(model.engine.wetThrustKN * model.engineCount, mass.loadedMassKg),
    wingLoadingKgM2: wingLoadingKgM2(mass.loadedMassKg, config.basePlatform.wingAreaM2),
    combatRadiusKm: combatRadius(model, mass, library.cfd, config.mission).radiusKm
  };
}
