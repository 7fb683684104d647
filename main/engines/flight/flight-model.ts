import type { InletModel } from '../../../shared/library/cfd';
import type { EngineDefinition } from '../../../shared/library/engines';
import type { MachLimit } from '../../../shared/engine-outputs';
import { GAMMA_AIR, GAS_CONSTANT_AIR, STANDARD_GRAVITY_MS2, isaPressurePa, isaTemperatureK } from '../atmosphere/isa';
import { dragCoefficient, type DragModel } from '../aerodynamics/drag-polar';
import { inletThrustFactor } from '../propulsion/inlet';
import { engineThrustKN, type ThrottleSetting } from '../propulsion/thrust';

/** What point flight figures need: the drag polar, the engines, the intake and the Mach limits. */
export interface FlightModel {
  drag: DragModel;
  engine: EngineDefinition;
  engineCount: number;
  inlet: InletModel;
  maxCompressorInletTempK: number;
  structuralMaxMach: number;
}

interface CachedAir {
  altitudeM: number;
  temperatureK: number;
  pressurePa: number;
  speedOfSoundMs: number;
}

/**
 * Small round-robin cache of the atmosphere: searches and missions revisit a few altitudes
 * (cruise, sea level, combat), so this saves most pow calls. Sized for one design's whole
 * evaluation (the cruise and supercruise altitude sweeps, combat, sea level, the top-Mach
 * altitude), so an optimizer's designs find their altitudes still cached.
 */
const airCache: CachedAir[] = Array.from({ length: 16 }, () => ({
  altitudeM: Number.NaN,
  temperatureK: 0,
  pressurePa: 0,
  speedOfSoundMs: 0
}));
let nextAirSlot = 0;
function airAt(altitudeM: number): CachedAir {
  for (const entry of airCache) if (entry.altitudeM === altitudeM) return entry;
  const entry = airCache[nextAirSlot] as CachedAir;
  nextAirSlot = (nextAirSlot + 1) % airCache.length;
  entry.altitudeM = altitudeM;
  entry.temperatureK = isaTemperatureK(altitudeM);
  entry.pressurePa = isaPressurePa(altitudeM);
  entry.speedOfSoundMs = Math.sqrt(GAMMA_AIR * GAS_CONSTANT_AIR * entry.temperatureK);
  return entry;
}

/** Compressor-face total temperature limit: T_t2 = T(1 + 0.2M²) ≤ T_max ⇒ M = √((T_max/T − 1)/0.2). */
export function engineTemperatureMachLimit(model: FlightModel, altitudeM: number): number {
  const ratio = model.maxCompressorInletTempK / airAt(altitudeM).temperatureK;
  return ratio <= 1 ? 0 : Math.sqrt((ratio - 1) / 0.2);
}

/** The lowest of the intake, engine-temperature and structural Mach limits, and which it is. */
export function machLimitAt(model: FlightModel, altitudeM: number): { mach: number; limitedBy: MachLimit } {
  let mach = model.inlet.maxMach;
  let limitedBy: MachLimit = 'inlet';
  const thermal = engineTemperatureMachLimit(model, altitudeM);
  if (thermal < mach) {
    mach = thermal;
    limitedBy = 'engine_temperature';
  }
  if (model.structuralMaxMach < mach) {
    mach = model.structuralMaxMach;
    limitedBy = 'structure';
  }
  return { mach, limitedBy };
}

function thrustInN(model: FlightModel, mach: number, air: CachedAir, setting: ThrottleSetting): number {
  const perEngineKN = engineThrustKN(model.engine, mach, air.temperatureK, air.pressurePa, setting);
  return perEngineKN * 1000 * model.engineCount * inletThrustFactor(model.inlet, mach);
}

function dragInN(model: FlightModel, mach: number, air: CachedAir, massKg: number): number {
  const qS = 0.5 * GAMMA_AIR * air.pressurePa * mach * mach * model.drag.wingAreaM2;
  const liftCoefficient = (massKg * STANDARD_GRAVITY_MS2) / qS;
  return qS * dragCoefficient(model.drag, mach, liftCoefficient);
}

/** Installed thrust of all engines (N): lapse × intake recovery factor. */
export function thrustAvailableN(
  model: FlightModel,
  mach: number,
  altitudeM: number,
  setting: ThrottleSetting
): number {
  return thrustInN(model, mach, airAt(altitudeM), setting);
}

/** Drag (N) in level flight: q = γ/2·p·M², CL = m·g/(q·S), D = q·S·CD(M, CL). */
export function levelFlightDragN(model: FlightModel, mach: number, altitudeM: number, massKg: number): number {
  return dragInN(model, mach, airAt(altitudeM), massKg);
}

/** Thrust minus drag in level flight (N): `thrustAvailableN − levelFlightDragN`, the air read once. */
export function excessThrustN(
  model: FlightModel,
  mach: number,
  altitudeM: number,
  massKg: number,
  setting: ThrottleSetting
): number {
  const air = airAt(altitudeM);
  return thrustInN(model, mach, air, setting) - dragInN(model, mach, air, massKg);
}

/** Specific excess power Ps = V·(T − D)/W (m/s). */
export function specificExcessPowerMs(
  model: FlightModel,
  mach: number,
  altitudeM: number,
  massKg: number,
  setting: ThrottleSetting
): number {
  const speedMs = mach * airAt(altitudeM).speedOfSoundMs;
  const excessN = thrustAvailableN(model, mach, altitudeM, setting) - levelFlightDragN(model, mach, altitudeM, massKg);
  return (speedMs * excessN) / (massKg * STANDARD_GRAVITY_MS2);
}
