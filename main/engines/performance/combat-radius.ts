import type { MissionType } from '../../../shared/aircraft';
import type { CfdModel } from '../../../shared/library/cfd';
import { GAMMA_AIR, GAS_CONSTANT_AIR, isaTemperatureK } from '../atmosphere/isa';
import type { MassProperties } from '../design/mass-properties';
import { maxLiftToDrag } from '../aerodynamics/drag-polar';
import { fuelFlowKgS, tsfcLbPerLbfH, tsfcPerSecond } from '../propulsion/thrust';
import { levelFlightDragN, levelFlightLiftToDrag, thrustAvailableN, type PerformanceModel } from './performance-model';

/** Result of the generic combat-radius mission and its fuel allotment. */
export interface CombatRadiusResult {
  radiusKm: number;
  profile: MissionProfileKind;
  cruiseMach: number;
  cruiseAltitudeM: number;
  fuelKg: {
    total: number;
    warmupTakeoff: number;
    climb: number;
    outbound: number;
    combat: number;
    inbound: number;
    landing: number;
    reserve: number;
  };
}

/** Which generic profile a configuration flies. */
export type MissionProfileKind = 'strike' | 'airToAir';

/**
 * The generic profile for a configuration: the strike profile (hi-lo-lo-hi) when its mission type
 * is listed in `strikeMissionTypes` and it carries air-to-ground stores (mission stores released
 * at the target, or mission payload not mounted as modules); otherwise hi-hi-hi air-to-air.
 */
export function missionProfileKind(
  cfd: CfdModel,
  missionType: MissionType,
  mass: Pick<MassProperties, 'missionStoreExpendableMassKg' | 'expendableMassKg'>,
  missionPayloadKg: number
): MissionProfileKind {
  const groundStores =
    mass.missionStoreExpendableMassKg > 0 || missionPayloadKg > mass.expendableMassKg;
  return cfd.mission.strikeMissionTypes.includes(missionType) && groundStores ? 'strike' : 'airToAir';
}

function withStores(model: PerformanceModel, storesDragAreaM2: number): PerformanceModel {
  return { ...model, drag: { ...model.drag, cd0Stores: storesDragAreaM2 / model.drag.wingAreaM2 } };
}

/** Breguet range factor V·(L/D)/c (m) for cruise at a Mach, altitude and mass. */
function rangeFactorM(model: PerformanceModel, mach: number, altitudeM: number, massKg: number): number {
  const temperatureK = isaTemperatureK(altitudeM);
  const speedMs = mach * Math.sqrt(GAMMA_AIR * GAS_CONSTANT_AIR * temperatureK);
  const c = tsfcPerSecond(tsfcLbPerLbfH(model.engine, mach, temperatureK, 'dry'));
  return (speedMs * levelFlightLiftToDrag(model, mach, altitudeM, massKg)) / c;
}

/** Mass after cruising `rangeM`: Breguet range, jet form R = (V/c)(L/D)·ln(Wi/Wf), L/D at mid-segment mass. */
function massAfterCruiseKg(model: PerformanceModel, mach: number, altitudeM: number, startMassKg: number, rangeM: number): number {
  if (rangeM <= 0) return startMassKg;
  const firstGuess = startMassKg * Math.exp(-rangeM / rangeFactorM(model, mach, altitudeM, startMassKg));
  const factor = rangeFactorM(model, mach, altitudeM, 0.5 * (startMassKg + firstGuess));
  return startMassKg * Math.exp(-rangeM / factor);
}

/**
 * Best-range cruise point of the outbound leg: the highest altitude up to the tropopause (a jet's
 * specific range grows with altitude there) where the drag stays within the cruise fraction of
 * the dry thrust — a heavy, draggy aircraft cannot hold the tropopause — and, at that altitude,
 * the Mach of the cfd.yaml band with the largest Breguet factor V·(L/D)/c.
 */
function bestCruise(model: PerformanceModel, massKg: number, allowance: CfdModel['mission']): { mach: number; altitudeM: number } {
  for (let altitudeM = allowance.cruiseAltitudeM; altitudeM >= allowance.cruiseAltitudeMinM - 1e-9; altitudeM -= CRUISE_ALTITUDE_STEP_M) {
    let best = { mach: 0, altitudeM };
    let bestFactor = 0;
    for (let mach = allowance.cruiseMachMin; mach <= allowance.cruiseMachMax + 1e-9; mach += CRUISE_MACH_STEP) {
      const thrustN = allowance.cruiseThrustFraction * thrustAvailableN(model, mach, altitudeM, 'dry');
      if (thrustN < levelFlightDragN(model, mach, altitudeM, massKg)) continue;
      const factor = rangeFactorM(model, mach, altitudeM, massKg);
      if (factor > bestFactor) {
        bestFactor = factor;
        best = { mach, altitudeM };
      }
    }
    if (bestFactor > 0) return best;
  }
  return { mach: allowance.cruiseMachMin, altitudeM: allowance.cruiseAltitudeMinM };
}

const CRUISE_ALTITUDE_STEP_M = 1000;
const MAX_RADIUS_M = 8_000_000;
const RADIUS_TOLERANCE_M = 50;

/**
 * Largest radius with fuel left ≥ 0: Illinois (modified regula falsi) on the fuel left, which
 * falls smoothly and monotonically with radius; a handful of evaluations instead of 20 bisections.
 */
function solveRadiusM(fuelLeftKg: (radiusM: number) => number): number {
  let low = 0;
  let fLow = fuelLeftKg(low);
  if (fLow < 0) return 0;
  let high = MAX_RADIUS_M;
  let fHigh = fuelLeftKg(high);
  if (fHigh >= 0) return high;
  let side = 0;
  for (let i = 0; i < 40 && high - low > RADIUS_TOLERANCE_M; i += 1) {
    const mid = (low * fHigh - high * fLow) / (fHigh - fLow);
    const fMid = fuelLeftKg(mid);
    if (fMid >= 0) {
      low = mid;
      fLow = fMid;
      if (side === 1) fHigh /= 2;
      side = 1;
    } else {
      high = mid;
      fHigh = fMid;
      if (side === -1) fLow /= 2;
      side = -1;
    }
  }
  return low;
}
const CRUISE_MACH_STEP = 0.05;

/**
 * Combat radius of the generic mission (allowances from cfd.yaml, never per aircraft), by
 * profile: warm-up and take-off, climb, cruise out at the best Breguet Mach, the profile's
 * low-level leg at sea level (strike: hi-lo-lo-hi), combat allowance, stores released over the
 * target (bombs always; missiles and empty tanks as the profile says), the low-level leg back,
 * cruise back, descent and landing, reserve (fraction of fuel plus a sea-level loiter by Breguet
 * endurance E = (1/c)(L/D)max·ln(Wi/Wf)). The radius is found by bisection so that the fuel
 * carried covers every segment. Take-off mass includes every mission store (`takeoffMassKg`);
 * mission payload not mounted as modules is added as generic stores, released at the target.
 */
export function combatRadius(
  model: PerformanceModel,
  mass: MassProperties,
  cfd: CfdModel,
  missionPayloadKg = 0,
  missionType: MissionType = 'strike'
): CombatRadiusResult {
  const allowance = cfd.mission;
  const kind = missionProfileKind(cfd, missionType, mass, missionPayloadKg);
  const profile = allowance.profiles[kind];
  const extraPayloadKg = Math.max(0, missionPayloadKg - mass.expendableMassKg);
  const extraDragAreaM2 = extraPayloadKg * allowance.missionStoresDragAreaM2PerKg;
  const fuelTotal = mass.internalFuelKg + mass.externalFuelKg;
  const takeoffKg = mass.takeoffMassKg + extraPayloadKg;
  const zeroFuelKg = takeoffKg - fuelTotal;
  const missileMassKg = mass.expendableMassKg - mass.missionStoreExpendableMassKg;
  const missileDragAreaM2 = mass.expendableDragAreaM2 - mass.missionStoreExpendableDragAreaM2;
  const releasedKg =
    mass.missionStoreExpendableMassKg +
    extraPayloadKg +
    (profile.fireMissiles ? missileMassKg : 0) +
    (profile.retainTanks ? 0 : mass.externalTankMassKg);
  const releasedDragAreaM2 =
    mass.missionStoreExpendableDragAreaM2 +
    (profile.fireMissiles ? missileDragAreaM2 : 0) +
    (profile.retainTanks ? 0 : mass.externalTankDragAreaM2);
  const afterDropsZeroFuelKg = zeroFuelKg - releasedKg;
  const outboundDragAreaM2 = mass.externalStoresDragAreaM2 + extraDragAreaM2;
  const outboundModel = withStores(model, outboundDragAreaM2);
  const inboundModel = withStores(model, Math.max(0, mass.externalStoresDragAreaM2 - releasedDragAreaM2));

  const warmupTakeoff = allowance.warmupTakeoffFraction * takeoffKg;
  const climb = allowance.climbFraction * (takeoffKg - warmupTakeoff);
  const cruiseStartKg = takeoffKg - warmupTakeoff - climb;

  const best = bestCruise(outboundModel, cruiseStartKg, allowance);
  const altitudeM = best.altitudeM;
  const cruiseMach = best.mach;

  const combatTemperatureK = isaTemperatureK(profile.combatAltitudeM);
  const combatThrustKN =
    thrustAvailableN(outboundModel, profile.combatMach, profile.combatAltitudeM, profile.combatThrottle) / 1000;
  const combat =
    profile.combatMinutes *
    60 *
    fuelFlowKgS(combatThrustKN, tsfcLbPerLbfH(model.engine, profile.combatMach, combatTemperatureK, profile.combatThrottle));

  const loiterTsfc = tsfcLbPerLbfH(model.engine, 0.4, isaTemperatureK(0), 'dry');
  const loiterFraction = Math.exp((allowance.reserveLoiterMinutes * 60 * tsfcPerSecond(loiterTsfc)) / maxLiftToDrag(inboundModel.drag, 0.4));
  const reserve = allowance.reserveFuelFraction * fuelTotal + afterDropsZeroFuelKg * (loiterFraction - 1);

  const lowLegM = profile.lowLevelLegKm * 1000;
  const fuelLeftKg = (radiusM: number): { outbound: number; inbound: number; landing: number; left: number } => {
    const lowM = Math.min(radiusM, lowLegM);
    const highOutKg = massAfterCruiseKg(outboundModel, cruiseMach, altitudeM, cruiseStartKg, radiusM - lowM);
    const afterOutKg = massAfterCruiseKg(outboundModel, profile.lowLevelMach, 0, highOutKg, lowM);
    const combatEndKg = afterOutKg - combat - releasedKg;
    const lowBackKg = massAfterCruiseKg(inboundModel, profile.lowLevelMach, 0, combatEndKg, lowM);
    const afterBackKg = massAfterCruiseKg(inboundModel, cruiseMach, altitudeM, lowBackKg, radiusM - lowM);
    const landing = allowance.landingFraction * afterBackKg;
    return {
      outbound: cruiseStartKg - afterOutKg,
      inbound: combatEndKg - afterBackKg,
      landing,
      left: afterBackKg - landing - afterDropsZeroFuelKg - reserve
    };
  };

  const low = solveRadiusM((radiusM) => fuelLeftKg(radiusM).left);
  const segments = fuelLeftKg(low);
  return {
    radiusKm: low / 1000,
    profile: kind,
    cruiseMach,
    cruiseAltitudeM: altitudeM,
    fuelKg: {
      total: fuelTotal,
      warmupTakeoff,
      climb,
      outbound: segments.outbound,
      combat,
      inbound: segments.inbound,
      landing: segments.landing,
      reserve
    }
  };
}
