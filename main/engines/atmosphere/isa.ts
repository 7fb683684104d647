/**
 * The International Standard Atmosphere (U.S. Standard Atmosphere 1976) from sea level to 32 km:
 * troposphere (−6.5 K/km), tropopause (isothermal) and lower stratosphere (+1 K/km).
 */

/** Sea-level standard values. */
export const SEA_LEVEL_TEMPERATURE_K = 288.15;
export const SEA_LEVEL_PRESSURE_PA = 101_325;
export const SEA_LEVEL_DENSITY_KG_M3 = 1.225;
export const GAMMA_AIR = 1.4;
export const GAS_CONSTANT_AIR = 287.053;
export const STANDARD_GRAVITY_MS2 = 9.80665;
const EARTH_RADIUS_M = 6_356_766;
const MAX_ALTITUDE_M = 32_000;

/** Air properties at one altitude. */
export interface AtmosphereState {
  temperatureK: number;
  pressurePa: number;
  densityKgM3: number;
  speedOfSoundMs: number;
}

/** Geopotential altitude from geometric altitude: H = r0·h / (r0 + h) (USSA 1976 eq. 18). */
export function geopotentialAltitudeM(geometricAltitudeM: number): number {
  return (EARTH_RADIUS_M * geometricAltitudeM) / (EARTH_RADIUS_M + geometricAltitudeM);
}

const G_OVER_R = STANDARD_GRAVITY_MS2 / GAS_CONSTANT_AIR;
const T_11 = 216.65;
const P_11 = 22_632.06;
const P_20 = 5_474.889;

/** Static temperature (K) at a geometric altitude, clamped to 0–32 km. */
export function isaTemperatureK(altitudeM: number): number {
  const h = geopotentialAltitudeM(Math.min(Math.max(altitudeM, 0), MAX_ALTITUDE_M));
  if (h <= 11_000) return SEA_LEVEL_TEMPERATURE_K - 0.0065 * h;
  if (h <= 20_000) return T_11;
  return T_11 + 0.001 * (h - 20_000);
}

/** Static pressure (Pa) at a geometric altitude: hydrostatic equation per layer, clamped to 0–32 km. */
export function isaPressurePa(altitudeM: number): number {
  const h = geopotentialAltitudeM(Math.min(Math.max(altitudeM, 0), MAX_ALTITUDE_M));
  // Gradient layer p = p_b (T/T_b)^(−g0/(R·L)); isothermal layer p = p_b exp(−g0 (h − h_b)/(R·T_b)).
  if (h <= 11_000) {
    return SEA_LEVEL_PRESSURE_PA * Math.pow(1 - (0.0065 * h) / SEA_LEVEL_TEMPERATURE_K, G_OVER_R / 0.0065);
  }
  if (h <= 20_000) return P_11 * Math.exp((-G_OVER_R * (h - 11_000)) / T_11);
  return P_20 * Math.pow(1 + (0.001 * (h - 20_000)) / T_11, -G_OVER_R / 0.001);
}

/**
 * Temperature, pressure, density (ideal gas ρ = p/(R·T)) and speed of sound (a = √(γ·R·T)).
 * @example isaAtmosphere(11_000).speedOfSoundMs // ≈ 295.1
 */
export function isaAtmosphere(altitudeM: number): AtmosphereState {
  const temperatureK = isaTemperatureK(altitudeM);
  const pressurePa = isaPressurePa(altitudeM);
  return {
    temperatureK,
    pressurePa,
    densityKgM3: pressurePa / (GAS_CONSTANT_AIR * temperatureK),
    speedOfSoundMs: Math.sqrt(GAMMA_AIR * GAS_CONSTANT_AIR * temperatureK)
  };
}
