import type { CfdModel } from '../../../shared/library/cfd';
import { GAMMA_AIR, GAS_CONSTANT_AIR, STANDARD_GRAVITY_MS2, isaPressurePa, isaTemperatureK } from '../atmosphere/isa';
import { inducedDragFactor, withCd0Stores, zeroLiftDragCoefficient } from '../aerodynamics/drag-polar';
import { tsfcLbPerLbfH, tsfcPerSecond, type ThrottleSetting } from '../propulsion/thrust';
import { levelFlightDragN, thrustAvailableN, type FlightModel } from './flight-model';

/**
 * The legs of the radius mission: each cruise condition's polar and engine figures, and the
 * searches for the best-range cruise and supersonic-leg conditions.
 */

const CRUISE_ALTITUDE_STEP_M = 1000;
const CRUISE_MACH_STEP = 0.05;

/** The model without external stores: the model itself when it carries none. */
export function withoutStores(model: FlightModel): FlightModel {
  return model.drag.cd0Stores === 0 ? model : withStores(model, 0);
}

/**
 * The model with another drag area of external stores (never below zero); field by field in
 * `buildFlightModel`'s order, not spread, for the reason `withCd0Stores` gives.
 */
export function withStores(model: FlightModel, storesDragAreaM2: number): FlightModel {
  return {
    drag: withCd0Stores(model.drag, Math.max(0, storesDragAreaM2) / model.drag.wingAreaM2),
    engine: model.engine,
    engineCount: model.engineCount,
    inlet: model.inlet,
    maxCompressorInletTempK: model.maxCompressorInletTempK,
    structuralMaxMach: model.structuralMaxMach
  };
}

function speedOfSoundMs(altitudeM: number): number {
  return Math.sqrt(GAMMA_AIR * GAS_CONSTANT_AIR * isaTemperatureK(altitudeM));
}

/** Installed TSFC (lb/(lbf·h)): the engine's TSFC × the installation-loss factor. */
export function installedTsfc(model: FlightModel, cfd: CfdModel, mach: number, altitudeM: number, setting: ThrottleSetting): number {
  return cfd.mission.installedTsfcFactor * tsfcLbPerLbfH(model.engine, mach, isaTemperatureK(altitudeM), setting);
}

/**
 * Breguet range factor V·(L/D)/c (m) for cruise at a Mach, altitude, mass and power setting,
 * given the level-flight drag there (the cruise searches have just computed it).
 */
function rangeFactorM(
  model: FlightModel,
  cfd: CfdModel,
  mach: number,
  altitudeM: number,
  massKg: number,
  dragN: number,
  setting: ThrottleSetting
): number {
  const c = tsfcPerSecond(installedTsfc(model, cfd, mach, altitudeM, setting));
  return (mach * speedOfSoundMs(altitudeM) * ((massKg * STANDARD_GRAVITY_MS2) / dragN)) / c;
}

/** One cruise condition of the mission. */
export interface CruiseCondition {
  mach: number;
  altitudeM: number;
  setting: ThrottleSetting;
}

/**
 * A flight condition's polar and engine figures, fixed for the whole mission: only the mass and
 * the stores' drag area change along it. L/D = W / (q·S·(CD0 + ΔCD0,stores) + K·W²/(q·S)).
 */
export interface LegPolar {
  qS: number;
  cd0Clean: number;
  /** ΔCD0 per m² of stores drag area (1/S, doubled supersonic). */
  storesCd0PerM2: number;
  k: number;
  speedMs: number;
  /** Weight-specific installed TSFC c (1/s). */
  cPerS: number;
}

/** The polar and engine figures of one cruise condition, clean (stores enter per leg). */
export function legPolar(model: FlightModel, cfd: CfdModel, condition: CruiseCondition): LegPolar {
  const clean = withoutStores(model).drag;
  return {
    qS: 0.5 * GAMMA_AIR * isaPressurePa(condition.altitudeM) * condition.mach * condition.mach * clean.wingAreaM2,
    cd0Clean: zeroLiftDragCoefficient(clean, condition.mach),
    storesCd0PerM2: (condition.mach >= 1 ? clean.storesSupersonicFactor : 1) / clean.wingAreaM2,
    k: inducedDragFactor(clean, condition.mach),
    speedMs: condition.mach * speedOfSoundMs(condition.altitudeM),
    cPerS: tsfcPerSecond(installedTsfc(model, cfd, condition.mach, condition.altitudeM, condition.setting))
  };
}

/** (L/D)max = 1 / (2·√(CD0·K)) of a leg's parabolic polar, with its stores. */
export function maxLiftToDragOf(leg: LegPolar, storesDragAreaM2: number): number {
  return 1 / (2 * Math.sqrt((leg.cd0Clean + leg.storesCd0PerM2 * storesDragAreaM2) * leg.k));
}

/** Breguet range factor V·(L/D)/c (m) of a leg at a mass and stores drag area. */
export function legRangeFactorM(leg: LegPolar, massKg: number, storesDragAreaM2: number): number {
  const weightN = massKg * STANDARD_GRAVITY_MS2;
  const dragN = leg.qS * (leg.cd0Clean + leg.storesCd0PerM2 * storesDragAreaM2) + (leg.k * weightN * weightN) / leg.qS;
  return (leg.speedMs * weightN) / dragN / leg.cPerS;
}

/**
 * Best-range cruise point of the outbound leg: the highest altitude up to the tropopause (a jet's
 * specific range grows with altitude there) where the drag stays within the cruise fraction of
 * the dry thrust — a heavy, draggy aircraft cannot hold the tropopause — and, at that altitude,
 * the Mach of the cfd.yaml band with the largest Breguet factor V·(L/D)/c.
 */
export function bestCruise(model: FlightModel, cfd: CfdModel, massKg: number): CruiseCondition {
  const allowance = cfd.mission;
  for (let altitudeM = allowance.cruiseAltitudeM; altitudeM >= allowance.cruiseAltitudeMinM - 1e-9; altitudeM -= CRUISE_ALTITUDE_STEP_M) {
    let best: CruiseCondition = { mach: 0, altitudeM, setting: 'dry' };
    let bestFactor = 0;
    for (let mach = allowance.cruiseMachMin; mach <= allowance.cruiseMachMax + 1e-9; mach += CRUISE_MACH_STEP) {
      const thrustN = allowance.cruiseThrustFraction * thrustAvailableN(model, mach, altitudeM, 'dry');
      const dragN = levelFlightDragN(model, mach, altitudeM, massKg);
      if (thrustN < dragN) continue;
      const factor = rangeFactorM(model, cfd, mach, altitudeM, massKg, dragN, 'dry');
      if (factor > bestFactor) {
        bestFactor = factor;
        best = { mach, altitudeM, setting: 'dry' };
      }
    }
    if (bestFactor > 0) return best;
  }
  return { mach: allowance.cruiseMachMin, altitudeM: allowance.cruiseAltitudeMinM, setting: 'dry' };
}

/**
 * Supersonic leg: cfd.yaml's supercruise Mach at the altitude of the band with the best range
 * factor where dry thrust holds it; with afterburner where no altitude does.
 */
export function bestSupercruise(model: FlightModel, cfd: CfdModel, massKg: number): CruiseCondition {
  const { mach, altitudeMinM, altitudeMaxM } = cfd.mission.supercruise;
  let best: CruiseCondition | undefined;
  let bestFactor = 0;
  let wet: CruiseCondition = { mach, altitudeM: altitudeMinM, setting: 'wet' };
  let wetFactor = 0;
  for (let altitudeM = altitudeMinM; altitudeM <= altitudeMaxM + 1e-9; altitudeM += CRUISE_ALTITUDE_STEP_M) {
    const dragN = levelFlightDragN(model, mach, altitudeM, massKg);
    const setting: ThrottleSetting = thrustAvailableN(model, mach, altitudeM, 'dry') >= dragN ? 'dry' : 'wet';
    const factor = rangeFactorM(model, cfd, mach, altitudeM, massKg, dragN, setting);
    if (setting === 'dry' && factor > bestFactor) {
      bestFactor = factor;
      best = { mach, altitudeM, setting };
    } else if (setting === 'wet' && factor > wetFactor && thrustAvailableN(model, mach, altitudeM, 'wet') >= dragN) {
      wetFactor = factor;
      wet = { mach, altitudeM, setting };
    }
  }
  return best ?? wet;
}

