import type { InletModel } from '../../../shared/library/cfd';
import type { EngineDefinition } from '../../../shared/library/engines';
import { GAMMA_AIR, isaPressurePa, isaTemperatureK } from '../atmosphere/isa';
import { dragCoefficient, type DragModel } from '../aerodynamics/drag-polar';
import { inletThrustFactor } from '../propulsion/inlet';
import { engineThrustKN, type ThrottleSetting } from '../propulsion/thrust';

/** What point performance needs: the drag polar, the engines, the intake and the Mach limits. */
export interface PerformanceModel {
  drag: DragModel;
  engine: EngineDefinition;
  engineCount: number;
  inlet: InletModel;
  maxCompressorInletTempK: number;
  structuralMaxMach: number;
}

/** What bounds the speed at one altitude. */
export type MachLimit = 'thrust' | 'inlet' | 'engine_temperature' | 'structure';

const STANDARD_GRAVITY = 9.80665;

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
  entry.speedOfSoundMs = Math.sqrt(GAMMA_AIR * 287.053 * entry.temperatureK);
  return entry;
}

/** Compressor-face total temperature limit: T_t2 = T(1 + 0.2M²) ≤ T_max ⇒ M = √((T_max/T − 1)/0.2). */
export function engineTemperatureMachLimit(model: PerformanceModel, altitudeM: number): number {
  const ratio = model.maxCompressorInletTempK / airAt(altitudeM).temperatureK;
  return ratio <= 1 ? 0 : Math.sqrt((ratio - 1) / 0.2);
}

/** The lowest of the intake, engine-temperature and structural Mach limits, and which it is. */
export function machLimitAt(model: PerformanceModel, altitudeM: number): { mach: number; limitedBy: MachLimit } {
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

/** Installed thrust of all engines (N): lapse × intake recovery factor. */
export function thrustAvailableN(
  model: PerformanceModel,
  mach: number,
  altitudeM: number,
  setting: ThrottleSetting
): number {
  const air = airAt(altitudeM);
  const perEngineKN = engineThrustKN(model.engine, mach, air.temperatureK, air.pressurePa, setting);
  return perEngineKN * 1000 * model.engineCount * inletThrustFactor(model.inlet, mach);
}

/** Drag (N) in level flight: q = γ/2·p·M², CL = m·g/(q·S), D = q·S·CD(M, CL). */
export function levelFlightDragN(model: PerformanceModel, mach: number, altitudeM: number, massKg: number): number {
  const qS = 0.5 * GAMMA_AIR * airAt(altitudeM).pressurePa * mach * mach * model.drag.wingAreaM2;
  const liftCoefficient = (massKg * STANDARD_GRAVITY) / qS;
  return qS * dragCoefficient(model.drag, mach, liftCoefficient);
}

/** Lift-to-drag ratio in level flight at a Mach, altitude and mass. */
export function levelFlightLiftToDrag(model: PerformanceModel, mach: number, altitudeM: number, massKg: number): number {
  return (massKg * STANDARD_GRAVITY) / levelFlightDragN(model, mach, altitudeM, massKg);
}

/** Specific excess power Ps = V·(T − D)/W (m/s). */
export function specificExcessPowerMs(
  model: PerformanceModel,
  mach: number,
  altitudeM: number,
  massKg: number,
  setting: ThrottleSetting
): number {
  const speedMs = mach * airAt(altitudeM).speedOfSoundMs;
  const excessN = thrustAvailableN(model, mach, altitudeM, setting) - levelFlightDragN(model, mach, altitudeM, massKg);
  return (speedMs * excessN) / (massKg * STANDARD_GRAVITY);
}
