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

/** The air at one altitude, as the point figures read it (from the cache `airAt` keeps). */
export interface FlightAir {
  readonly altitudeM: number;
  readonly temperatureK: number;
  readonly pressurePa: number;
  readonly speedOfSoundMs: number;
}

type CachedAir = { -readonly [K in keyof FlightAir]: FlightAir[K] };

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

/** The air at an altitude, from the cache; sweeps over Mach read it once per altitude for their `…InAir` points. */
export function airAt(altitudeM: number): FlightAir {
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

/** The lowest of the intake, engine-temperature and structural Mach limits (`machLimitedBy` names it). */
export function machLimitAt(model: FlightModel, altitudeM: number): number {
  const thermal = engineTemperatureMachLimit(model, altitudeM);
  const intakeOrEngine = thermal < model.inlet.maxMach ? thermal : model.inlet.maxMach;
  return model.structuralMaxMach < intakeOrEngine ? model.structuralMaxMach : intakeOrEngine;
}

/** Which limit `machLimitAt` is; of equal limits the intake's, then the engine temperature's. */
export function machLimitedBy(model: FlightModel, altitudeM: number): MachLimit {
  const thermal = engineTemperatureMachLimit(model, altitudeM);
  const intakeOrEngine = thermal < model.inlet.maxMach ? thermal : model.inlet.maxMach;
  if (model.structuralMaxMach < intakeOrEngine) return 'structure';
  return thermal < model.inlet.maxMach ? 'engine_temperature' : 'inlet';
}

/** Installed thrust of all engines (N) in the given air: lapse × intake recovery factor. */
export function thrustInAirN(model: FlightModel, mach: number, air: FlightAir, setting: ThrottleSetting): number {
  const perEngineKN = engineThrustKN(model.engine, mach, air.temperatureK, air.pressurePa, setting);
  return perEngineKN * 1000 * model.engineCount * inletThrustFactor(model.inlet, mach);
}

/** Drag (N) in level flight in the given air: q = γ/2·p·M², CL = m·g/(q·S), D = q·S·CD(M, CL). */
export function dragInAirN(model: FlightModel, mach: number, air: FlightAir, massKg: number): number {
  const qS = 0.5 * GAMMA_AIR * air.pressurePa * mach * mach * model.drag.wingAreaM2;
  const liftCoefficient = (massKg * STANDARD_GRAVITY_MS2) / qS;
  return qS * dragCoefficient(model.drag, mach, liftCoefficient);
}

/** Installed thrust of all engines (N) at an altitude: `thrustInAirN` in its air. */
export function thrustAvailableN(
  model: FlightModel,
  mach: number,
  altitudeM: number,
  setting: ThrottleSetting
): number {
  return thrustInAirN(model, mach, airAt(altitudeM), setting);
}

/** Drag (N) in level flight at an altitude: `dragInAirN` in its air. */
export function levelFlightDragN(model: FlightModel, mach: number, altitudeM: number, massKg: number): number {
  return dragInAirN(model, mach, airAt(altitudeM), massKg);
}

/**
 * Whether thrust meets drag in level flight in the given air, T − D ≥ 0. A yes/no rather than
 * the excess: V8 returns a number from a call it does not inline as a new heap number, a boolean
 * as a constant, and this point is the one the envelope searches call hundreds of times.
 */
export function thrustMeetsDragInAir(
  model: FlightModel,
  mach: number,
  air: FlightAir,
  massKg: number,
  setting: ThrottleSetting
): boolean {
  return thrustInAirN(model, mach, air, setting) - dragInAirN(model, mach, air, massKg) >= 0;
}

/** Whether the specific excess power Ps = V·(T − D)/W (m/s) in the given air reaches `requiredPsMs`; yes/no as above. */
export function reachesSpecificExcessPowerInAir(
  model: FlightModel,
  mach: number,
  air: FlightAir,
  massKg: number,
  setting: ThrottleSetting,
  requiredPsMs: number
): boolean {
  const speedMs = mach * air.speedOfSoundMs;
  const excessN = thrustInAirN(model, mach, air, setting) - dragInAirN(model, mach, air, massKg);
  return (speedMs * excessN) / (massKg * STANDARD_GRAVITY_MS2) >= requiredPsMs;
}
