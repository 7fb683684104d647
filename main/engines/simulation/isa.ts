/** Atmospheric properties at one altitude. */
export interface AtmosphereState {
  readonly temperatureK: number;
  readonly pressurePa: number;
  readonly densityKgM3: number;
  readonly speedOfSoundMS: number;
}

/** Standard gravity (m/s²). */
export const STANDARD_GRAVITY_MS2 = 9.80665;
/** Specific gas constant of dry air (J/(kg·K)). */
export const AIR_GAS_CONSTANT = 287.05287;
/** Ratio of specific heats of air. */
export const AIR_HEAT_CAPACITY_RATIO = 1.4;

const SEA_LEVEL_TEMPERATURE_K = 288.15;
const SEA_LEVEL_PRESSURE_PA = 101_325;
const TROPOSPHERE_LAPSE_K_PER_M = 0.0065;
const TROPOPAUSE_ALTITUDE_M = 11_000;
const TROPOPAUSE_TEMPERATURE_K = SEA_LEVEL_TEMPERATURE_K - TROPOSPHERE_LAPSE_K_PER_M * 11_000;
const TROPOPAUSE_PRESSURE_PA =
  SEA_LEVEL_PRESSURE_PA *
  Math.pow(
    TROPOPAUSE_TEMPERATURE_K / SEA_LEVEL_TEMPERATURE_K,
    STANDARD_GRAVITY_MS2 / (TROPOSPHERE_LAPSE_K_PER_M * AIR_GAS_CONSTANT)
  );

/** Lowest and highest altitude (geopotential metres) this model covers. */
export const ISA_MIN_ALTITUDE_M = -1_000;
export const ISA_MAX_ALTITUDE_M = 20_000;

/**
 * International Standard Atmosphere, troposphere (lapse 6.5 K/km) and the isothermal layer
 * 11–20 km (ISO 2533:1975 / ICAO Doc 7488), by geopotential altitude. Throws a RangeError
 * outside [-1 km, 20 km].
 *
 * @example
 * isaAtmosphere(11_000); // { temperatureK: 216.65, pressurePa: ≈22632, densityKgM3: ≈0.3639, … }
 */
export function isaAtmosphere(altitudeM: number): AtmosphereState {
  if (!(altitudeM >= ISA_MIN_ALTITUDE_M && altitudeM <= ISA_MAX_ALTITUDE_M)) {
    throw new RangeError(
      `ISA covers ${ISA_MIN_ALTITUDE_M}..${ISA_MAX_ALTITUDE_M} m, got ${altitudeM}`
    );
  }
  let temperatureK: number;
  let pressurePa: number;
  if (altitudeM <= TROPOPAUSE_ALTITUDE_M) {
    temperatureK = SEA_LEVEL_TEMPERATURE_K - TROPOSPHERE_LAPSE_K_PER_M * altitudeM;
    pressurePa =
      SEA_LEVEL_PRESSURE_PA *
      Math.pow(
        temperatureK / SEA_LEVEL_TEMPERATURE_K,
        STANDARD_GRAVITY_MS2 / (TROPOSPHERE_LAPSE_K_PER_M * AIR_GAS_CONSTANT)
      );
  } else {
    temperatureK = TROPOPAUSE_TEMPERATURE_K;
    pressurePa =
      TROPOPAUSE_PRESSURE_PA *
      Math.exp(
        (-STANDARD_GRAVITY_MS2 * (altitudeM - TROPOPAUSE_ALTITUDE_M)) /
          (AIR_GAS_CONSTANT * TROPOPAUSE_TEMPERATURE_K)
      );
  }
  return {
    temperatureK,
    pressurePa,
    densityKgM3: pressurePa / (AIR_GAS_CONSTANT * temperatureK),
    speedOfSoundMS: Math.sqrt(AIR_HEAT_CAPACITY_RATIO * AIR_GAS_CONSTANT * temperatureK)
  };
}
