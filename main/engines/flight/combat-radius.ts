import type { MassProperties } from '../../../shared/engine-outputs';
import type { CfdModel, ReserveRuleModel } from '../../../shared/library/cfd';
import { fuelFlowKgS, type ThrottleSetting } from '../propulsion/thrust';
import { thrustAvailableN, type FlightModel } from './flight-model';
import {
  bestCruise,
  bestSupercruise,
  installedTsfc,
  legPolar,
  legRangeFactorM,
  maxLiftToDragOf,
  withStores,
  withoutStores,
  type CruiseCondition,
  type LegPolar
} from './mission-legs';
import { resolveRadiusMission, type RadiusMissionInput, type ResolvedRadiusMission } from './radius-mission';

/** Fuel (kg) of each segment of the radius mission; the segments and `left` add up to `total`. */
export interface RadiusFuelKg {
  total: number;
  warmupTakeoff: number;
  climb: number;
  outboundCruise: number;
  outboundSupercruise: number;
  outboundLowLevel: number;
  /** On station at the radius (best endurance), before combat. */
  onStation: number;
  combat: number;
  inboundLowLevel: number;
  inboundSupercruise: number;
  inboundCruise: number;
  landing: number;
  /** Fuel still in tanks jettisoned before combat (hi-hi-hi). */
  jettisoned: number;
  reserve: number;
  /** Fuel over the reserve at the radius found (≈ 0: the solver's tolerance). */
  left: number;
}

/** Result of the combat-radius mission and its fuel allotment. */
export interface CombatRadiusResult {
  radiusKm: number;
  mission: ResolvedRadiusMission;
  cruiseMach: number;
  cruiseAltitudeM: number;
  supercruiseAltitudeM: number;
  supercruiseThrottle: ThrottleSetting;
  /** Distance flown before the external tanks ran dry (0 without tanks or when never empty). */
  tanksEmptyAtKm: number;
  fuelKg: RadiusFuelKg;
}

const MAX_RADIUS_M = 8_000_000;
const RADIUS_TOLERANCE_M = 200;
/** Slope given to the fuel deficit of radii that run dry outbound, so the root finder sees a monotonic function. */
const OUT_OF_FUEL_KG_PER_M = 0.001;

/**
 * Largest radius with fuel left ≥ 0: Illinois (modified regula falsi) on the fuel left, which
 * falls smoothly and monotonically with radius; a handful of evaluations instead of 20 bisections.
 */
function solveRadiusM(plan: MissionPlan, state: FlightState): number {
  let low = 0;
  let fLow = flyMission(plan, state, low);
  if (fLow < 0) return 0;
  let high = MAX_RADIUS_M;
  let fHigh = flyMission(plan, state, high);
  if (fHigh >= 0) return high;
  let side = 0;
  for (let i = 0; i < 40 && high - low > RADIUS_TOLERANCE_M; i += 1) {
    const mid = (low * fHigh - high * fLow) / (fHigh - fLow);
    const fMid = flyMission(plan, state, mid);
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

/** The aircraft during the mission: mass, fuel, external tanks and the stores' drag area. */
interface FlightState {
  massKg: number;
  fuelKg: number;
  tankFuelKg: number;
  tanksOn: boolean;
  storesDragAreaM2: number;
  distanceM: number;
  tanksEmptyAtM: number;
}

/**
 * Everything the radius mission is flown with, the same for every candidate radius: the
 * resolved profile, the masses and fuel at brake release, the fixed allowances and the legs.
 * Module functions take it explicitly (no closures), so V8 can inline them into one another.
 */
interface MissionPlan {
  mission: ResolvedRadiusMission;
  mass: MassProperties;
  rule: ReserveRuleModel;
  landingFraction: number;
  takeoffKg: number;
  fuelTotalKg: number;
  hasTanks: boolean;
  outboundDragAreaM2: number;
  warmupTakeoffKg: number;
  climbKg: number;
  combatKg: number;
  bombsKg: number;
  bombsDragAreaM2: number;
  missilesKg: number;
  missilesDragAreaM2: number;
  lowLegM: number;
  superLegM: number;
  cruiseLeg: LegPolar;
  supercruiseLeg: LegPolar;
  lowLevelLeg: LegPolar;
  loiterLeg: LegPolar;
}

function dropTanks(plan: MissionPlan, state: FlightState): void {
  state.massKg -= plan.mass.externalTankMassKg;
  state.storesDragAreaM2 -= plan.mass.externalTankDragAreaM2;
  state.tanksOn = false;
}

/** Burns fuel (external first); empty tanks are dropped where the profile says so. */
function burn(plan: MissionPlan, state: FlightState, fuelKg: number): void {
  state.massKg -= fuelKg;
  state.fuelKg -= fuelKg;
  if (state.tankFuelKg <= 0) return;
  state.tankFuelKg -= fuelKg;
  if (state.tankFuelKg <= 0) {
    state.tankFuelKg = 0;
    state.tanksEmptyAtM = state.distanceM;
    if (state.tanksOn && plan.mission.tanksDroppedWhenEmpty) dropTanks(plan, state);
  }
}

/** Cruises a distance (Breguet, L/D at mid-segment mass); splits the leg where the tanks run dry. */
function fly(plan: MissionPlan, state: FlightState, leg: LegPolar, distanceM: number): number {
  const startFuelKg = state.fuelKg;
  let remainingM = distanceM;
  while (remainingM > 0 && state.fuelKg > 0) {
    const area = state.storesDragAreaM2;
    const guessKg = state.massKg * Math.exp(-remainingM / legRangeFactorM(leg, state.massKg, area));
    const endKg = state.massKg * Math.exp(-remainingM / legRangeFactorM(leg, 0.5 * (state.massKg + guessKg), area));
    const burntKg = state.massKg - endKg;
    const dropsTanks =
      state.tanksOn && plan.mission.tanksDroppedWhenEmpty && state.tankFuelKg > 0 && burntKg > state.tankFuelKg;
    if (!dropsTanks) {
      state.distanceM += remainingM;
      burn(plan, state, burntKg);
      break;
    }
    const tankFuelKg = state.tankFuelKg;
    const toEmptyM =
      legRangeFactorM(leg, state.massKg - 0.5 * tankFuelKg, area) * Math.log(state.massKg / (state.massKg - tankFuelKg));
    const legM = Math.min(remainingM, toEmptyM);
    state.distanceM += legM;
    burn(plan, state, tankFuelKg);
    remainingM -= legM;
  }
  return startFuelKg - state.fuelKg;
}

/**
 * Flies the mission to `radiusM` and back in `state` (reset to brake release first) and returns
 * the fuel left over the reserve (kg); `record`, when given, receives each segment's fuel.
 */
function flyMission(plan: MissionPlan, state: FlightState, radiusM: number, record?: RadiusFuelKg): number {
  const mission = plan.mission;
  const lowM = Math.min(radiusM, plan.lowLegM);
  const superM = Math.min(radiusM - lowM, plan.superLegM);
  const highM = radiusM - lowM - superM;
  state.massKg = plan.takeoffKg;
  state.fuelKg = plan.fuelTotalKg;
  state.tankFuelKg = plan.mass.externalFuelKg;
  state.tanksOn = plan.hasTanks;
  state.storesDragAreaM2 = plan.outboundDragAreaM2;
  state.distanceM = 0;
  state.tanksEmptyAtM = 0;
  burn(plan, state, plan.warmupTakeoffKg);
  burn(plan, state, plan.climbKg);
  const outboundCruise = fly(plan, state, plan.cruiseLeg, highM);
  const outboundSupercruise = fly(plan, state, plan.supercruiseLeg, superM);
  const outboundLowLevel = fly(plan, state, plan.lowLevelLeg, lowM);
  let jettisoned = 0;
  if (state.tanksOn && mission.tanksJettisonedForCombat) {
    jettisoned = state.tankFuelKg;
    state.massKg -= state.tankFuelKg;
    state.fuelKg -= state.tankFuelKg;
    state.tankFuelKg = 0;
    dropTanks(plan, state);
  }
  // On station: Breguet endurance at (L/D)max of the cruise polar, W·(e^(t·c/(L/D)) − 1).
  const onStation =
    mission.loiterMinutes > 0
      ? state.massKg *
        (Math.exp((mission.loiterMinutes * 60 * plan.cruiseLeg.cPerS) / maxLiftToDragOf(plan.cruiseLeg, state.storesDragAreaM2)) - 1)
      : 0;
  burn(plan, state, onStation);
  burn(plan, state, plan.combatKg);
  state.massKg -= plan.bombsKg + plan.missilesKg;
  state.storesDragAreaM2 -= plan.bombsDragAreaM2 + plan.missilesDragAreaM2;
  // Out of fuel before the target: infeasible, and the deficit grows with the radius.
  if (state.fuelKg <= 0 && !record) return state.fuelKg - radiusM * OUT_OF_FUEL_KG_PER_M;
  const inboundLowLevel = fly(plan, state, plan.lowLevelLeg, lowM);
  const inboundSupercruise = fly(plan, state, plan.supercruiseLeg, superM);
  const inboundCruise = fly(plan, state, plan.cruiseLeg, highM);
  const landing = plan.landingFraction * state.massKg;
  burn(plan, state, landing);
  const zeroFuelKg = state.massKg - state.fuelKg;
  const heldBackKg = plan.rule.initialFuelFraction * plan.fuelTotalKg;
  const loiterLd = maxLiftToDragOf(plan.loiterLeg, state.storesDragAreaM2);
  const loiterKg = (zeroFuelKg + heldBackKg) * (Math.exp((plan.rule.loiterMinutes * 60 * plan.loiterLeg.cPerS) / loiterLd) - 1);
  const reserve = heldBackKg + loiterKg;
  const left = state.fuelKg - reserve;
  if (record) {
    Object.assign(record, {
      warmupTakeoff: plan.warmupTakeoffKg,
      climb: plan.climbKg,
      outboundCruise,
      outboundSupercruise,
      outboundLowLevel,
      onStation,
      combat: plan.combatKg,
      inboundLowLevel,
      inboundSupercruise,
      inboundCruise,
      landing,
      jettisoned,
      reserve,
      left
    });
  }
  return left;
}

/**
 * Combat radius of the configuration's radius mission (`mission.profile`, or the default of its
 * mission type; allowances from cfd.yaml, never per aircraft): warm-up and take-off, climb,
 * cruise out at the best Breguet point (R = (V/c)(L/D)·ln(Wi/Wf), installed TSFC), the
 * supercruise leg, the low-level leg at sea level, combat at the profile's power setting, stores
 * released over the target, the legs back, descent and landing, and the reserve rule (a share of
 * the initial fuel plus a loiter by Breguet endurance E = (1/c)(L/D)max·ln(Wi/Wf)). External
 * fuel is burnt first; tanks fly with their drag until empty, then are dropped (USAF) or carried
 * home (Navy). Pylons stay on. Mission payload not mounted as modules is added as generic stores.
 * @example combatRadius(model, mass, library.cfd, config.mission).radiusKm
 */
export function combatRadius(
  model: FlightModel,
  mass: MassProperties,
  cfd: CfdModel,
  missionInput: RadiusMissionInput
): CombatRadiusResult {
  const allowance = cfd.mission;
  const mission = resolveRadiusMission(cfd, missionInput, mass);
  const rule = allowance.reserves[mission.reserve];
  if (!rule) throw new Error(`cfd.yaml gives no ${mission.reserve} reserve rule`);
  const extraPayloadKg = Math.max(0, missionInput.payloadKg - mass.expendableMassKg);
  const fuelTotal = mass.internalFuelKg + mass.externalFuelKg;
  const takeoffKg = mass.takeoffMassKg + extraPayloadKg;
  const outboundDragAreaM2 = mass.externalStoresDragAreaM2 + extraPayloadKg * allowance.missionStoresDragAreaM2PerKg;
  const bombsKg = mission.storesReleasedAtTarget ? mass.missionStoreExpendableMassKg + extraPayloadKg : 0;
  const bombsDragAreaM2 = mission.storesReleasedAtTarget
    ? mass.missionStoreExpendableDragAreaM2 + extraPayloadKg * allowance.missionStoresDragAreaM2PerKg
    : 0;
  const missilesKg = mission.missilesFiredAtTarget ? mass.expendableMassKg - mass.missionStoreExpendableMassKg : 0;
  const missilesDragAreaM2 = mission.missilesFiredAtTarget ? mass.expendableDragAreaM2 - mass.missionStoreExpendableDragAreaM2 : 0;
  const hasTanks = mass.externalFuelKg > 0;

  const warmupTakeoff = allowance.warmupTakeoffFraction * takeoffKg;
  const climb = allowance.climbFraction * (takeoffKg - warmupTakeoff);
  const cruiseStartKg = takeoffKg - warmupTakeoff - climb;
  const outboundModel = withStores(model, outboundDragAreaM2);
  const cruise = bestCruise(outboundModel, cfd, cruiseStartKg);
  const superLegM = mission.supercruiseKmEachWay * 1000;
  const supercruiseDragAreaM2 = outboundDragAreaM2 - (hasTanks && mission.tanksDroppedWhenEmpty ? mass.externalTankDragAreaM2 : 0);
  const supercruise: CruiseCondition =
    superLegM > 0
      ? bestSupercruise(withStores(model, supercruiseDragAreaM2), cfd, cruiseStartKg)
      : { mach: cfd.mission.supercruise.mach, altitudeM: 0, setting: 'dry' };
  const lowLevel: CruiseCondition = { mach: mission.lowLevelMach, altitudeM: 0, setting: 'dry' };

  const cleanModel = withoutStores(model);
  const plan: MissionPlan = {
    mission,
    mass,
    rule,
    landingFraction: allowance.landingFraction,
    takeoffKg,
    fuelTotalKg: fuelTotal,
    hasTanks,
    outboundDragAreaM2,
    warmupTakeoffKg: warmupTakeoff,
    climbKg: climb,
    combatKg:
      mission.combatMinutes *
      60 *
      fuelFlowKgS(
        thrustAvailableN(outboundModel, mission.combatMach, mission.combatAltitudeM, mission.combatThrottle) / 1000,
        installedTsfc(model, cfd, mission.combatMach, mission.combatAltitudeM, mission.combatThrottle)
      ),
    bombsKg,
    bombsDragAreaM2,
    missilesKg,
    missilesDragAreaM2,
    lowLegM: mission.lowLevelKmEachWay * 1000,
    superLegM,
    cruiseLeg: legPolar(cleanModel, cfd, cruise),
    supercruiseLeg: legPolar(cleanModel, cfd, supercruise),
    lowLevelLeg: legPolar(cleanModel, cfd, lowLevel),
    loiterLeg: legPolar(cleanModel, cfd, { mach: rule.loiterMach, altitudeM: rule.loiterAltitudeM, setting: 'dry' })
  };
  const state: FlightState = {
    massKg: takeoffKg,
    fuelKg: fuelTotal,
    tankFuelKg: mass.externalFuelKg,
    tanksOn: hasTanks,
    storesDragAreaM2: outboundDragAreaM2,
    distanceM: 0,
    tanksEmptyAtM: 0
  };
  const radiusM = solveRadiusM(plan, state);
  const fuelKg = { total: fuelTotal } as RadiusFuelKg;
  flyMission(plan, state, radiusM, fuelKg);
  return {
    radiusKm: radiusM / 1000,
    mission,
    cruiseMach: cruise.mach,
    cruiseAltitudeM: cruise.altitudeM,
    supercruiseAltitudeM: superLegM > 0 ? supercruise.altitudeM : 0,
    supercruiseThrottle: supercruise.setting,
    tanksEmptyAtKm: state.tanksEmptyAtM / 1000,
    fuelKg
  };
}
