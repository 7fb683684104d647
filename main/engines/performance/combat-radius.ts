import type { CfdModel } from '../../../shared/library/cfd';
import { GAMMA_AIR, GAS_CONSTANT_AIR, isaTemperatureK } from '../atmosphere/isa';
import type { MassProperties } from '../design/mass-properties';
import { maxLiftToDrag } from '../aerodynamics/drag-polar';
import { fuelFlowKgS, tsfcLbPerLbfH, tsfcPerSecond } from '../propulsion/thrust';
import { levelFlightLiftToDrag, thrustAvailableN, type PerformanceModel } from './performance-model';

/** Result of the generic combat-radius mission and its fuel allotment. */
export interface CombatRadiusResult {
  radiusKm: number;
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

/** The stores drag areas of the mission phases, from the mass roll-up. */
type StoresDrag = Pick<MassProperties, 'externalStoresDragAreaM2' | 'externalTankDragAreaM2' | 'expendableDragAreaM2'>;

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
  const firstGuess = startMassKg * Math.exp(-rangeM / rangeFactorM(model, mach, altitudeM, startMassKg));
  const factor = rangeFactorM(model, mach, altitudeM, 0.5 * (startMassKg + firstGuess));
  return startMassKg * Math.exp(-rangeM / factor);
}

/**
 * Combat radius of the generic mission (allowances from cfd.yaml, never per aircraft):
 * warm-up and take-off, climb, cruise out at the best Breguet Mach, a low-level leg at sea level
 * (hi-lo-hi), combat at maximum thrust
 * (stores released, tanks jettisoned), cruise back, descent and landing, reserve (fraction of
 * fuel plus a loiter by Breguet endurance E = (1/c)(L/D)max·ln(Wi/Wf)). The radius is found by
 * bisection so that the fuel carried covers every segment. Mission payload (`payloadKg`) not
 * carried as expendable modules is added as generic stores, released in combat.
 */
export function combatRadius(
  model: PerformanceModel,
  mass: MassProperties & StoresDrag,
  cfd: CfdModel,
  missionPayloadKg = 0
): CombatRadiusResult {
  const allowance = cfd.mission;
  const extraPayloadKg = Math.max(0, missionPayloadKg - mass.expendableMassKg);
  const extraDragAreaM2 = extraPayloadKg * allowance.missionStoresDragAreaM2PerKg;
  const expendableKg = mass.expendableMassKg + extraPayloadKg;
  const fuelTotal = mass.internalFuelKg + mass.externalFuelKg;
  const takeoffKg = mass.takeoffMassKg + extraPayloadKg;
  const zeroFuelKg = takeoffKg - fuelTotal;
  const afterDropsZeroFuelKg = zeroFuelKg - mass.externalTankMassKg - expendableKg;
  const outboundModel = withStores(model, mass.externalStoresDragAreaM2 + extraDragAreaM2);
  const inboundModel = withStores(
    model,
    Math.max(0, mass.externalStoresDragAreaM2 - mass.externalTankDragAreaM2 - mass.expendableDragAreaM2)
  );

  const warmupTakeoff = allowance.warmupTakeoffFraction * takeoffKg;
  const climb = allowance.climbFraction * (takeoffKg - warmupTakeoff);
  const cruiseStartKg = takeoffKg - warmupTakeoff - climb;

  const altitudeM = allowance.cruiseAltitudeM;
  let cruiseMach = allowance.cruiseMachMin;
  let bestFactor = 0;
  for (let mach = allowance.cruiseMachMin; mach <= allowance.cruiseMachMax + 1e-9; mach += 0.05) {
    const factor = rangeFactorM(outboundModel, mach, altitudeM, cruiseStartKg);
    if (factor > bestFactor) {
      bestFactor = factor;
      cruiseMach = mach;
    }
  }

  const combatTemperatureK = isaTemperatureK(allowance.combatAltitudeM);
  const combatThrustKN = thrustAvailableN(outboundModel, allowance.combatMach, allowance.combatAltitudeM, 'wet') / 1000;
  const combat =
    allowance.combatMinutes * 60 * fuelFlowKgS(combatThrustKN, tsfcLbPerLbfH(model.engine, allowance.combatMach, combatTemperatureK, 'wet'));

  const loiterTsfc = tsfcLbPerLbfH(model.engine, 0.4, isaTemperatureK(0), 'dry');
  const loiterFraction = Math.exp((allowance.reserveLoiterMinutes * 60 * tsfcPerSecond(loiterTsfc)) / maxLiftToDrag(inboundModel.drag, 0.4));
  const reserve = allowance.reserveFuelFraction * fuelTotal + afterDropsZeroFuelKg * (loiterFraction - 1);

  const lowLegM = allowance.lowLevelLegKm * 1000;
  const fuelLeftKg = (radiusM: number): { outbound: number; inbound: number; landing: number; left: number } => {
    const lowM = Math.min(radiusM, lowLegM);
    const highOutKg = massAfterCruiseKg(outboundModel, cruiseMach, altitudeM, cruiseStartKg, radiusM - lowM);
    const afterOutKg = massAfterCruiseKg(outboundModel, allowance.lowLevelMach, 0, highOutKg, lowM);
    const combatEndKg = afterOutKg - combat - mass.externalTankMassKg - expendableKg;
    const lowBackKg = massAfterCruiseKg(inboundModel, allowance.lowLevelMach, 0, combatEndKg, lowM);
    const afterBackKg = massAfterCruiseKg(inboundModel, cruiseMach, altitudeM, lowBackKg, radiusM - lowM);
    const landing = allowance.landingFraction * afterBackKg;
    return {
      outbound: cruiseStartKg - afterOutKg,
      inbound: combatEndKg - afterBackKg,
      landing,
      left: afterBackKg - landing - afterDropsZeroFuelKg - reserve
    };
  };

  let low = 0;
  let high = 8_000_000;
  if (fuelLeftKg(0).left < 0) high = 0;
  for (let i = 0; i < 20 && high > 0; i += 1) {
    const mid = 0.5 * (low + high);
    if (fuelLeftKg(mid).left >= 0) low = mid;
    else high = mid;
  }
  const segments = fuelLeftKg(low);
  return {
    radiusKm: low / 1000,
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
