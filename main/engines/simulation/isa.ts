import { GAMMA_AIR, STANDARD_GRAVITY_MS2, isaAtmosphere as standardAtmosphere } from '../atmosphere/isa';

/** Atmospheric properties at one altitude, as the simulator reads them. */
export interface AtmosphereState {
  readonly temperatureK: number;
  readonly pressurePa: number;
  readonly densityKgM3: number;
  readonly speedOfSoundMS: number;
}

export { STANDARD_GRAVITY_MS2 };
/** Ratio of specific heats of air. */
export const AIR_HEAT_CAPACITY_RATIO = GAMMA_AIR;

/** Lowest and highest altitude (m) a mission may fly: the simulator refuses anything else. */
export const ISA_MIN_ALTITUDE_M = -1_000;
export const ISA_MAX_ALTITUDE_M = 20_000;

/**
 * The engines' ISA 1976 atmosphere (`main/engines/atmosphere`), with the simulator's guard:
 * a RangeError outside [-1 km, 20 km], since a mission leaving that band is a bug.
 * @example isaAtmosphere(11_000).speedOfSoundMS // ≈ 295.1
 */
export function isaAtmosphere(altitudeM: number): AtmosphereState {
  if (!(altitudeM >= ISA_MIN_ALTITUDE_M && altitudeM <= ISA_MAX_ALTITUDE_M)) {
    throw new RangeError(`ISA covers ${ISA_MIN_ALTITUDE_M}..${ISA_MAX_ALTITUDE_M} m, got ${altitudeM}`);
  }
  const air = standardAtmosphere(altitudeM);
  return { temperatureK: air.temperatureK, pressurePa: air.pressurePa, densityKgM3: air.densityKgM3, speedOfSoundMS: air.speedOfSoundMs };
}
