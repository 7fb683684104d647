import { GAMMA_AIR } from '../atmosphere/isa';

/**
 * Stagnation (total) temperature of air brought to rest adiabatically.
 * @example stagnationTemperatureK(216.65, 2) // 389.97 K
 */
export function stagnationTemperatureK(
  staticTemperatureK: number,
  mach: number,
  gamma = GAMMA_AIR
): number {
  // T0 = T·(1 + (γ−1)/2 · M²)
  return staticTemperatureK * (1 + ((gamma - 1) / 2) * mach * mach);
}

/**
 * Adiabatic wall temperature of a surface plus any internal heat soak: the recovery factor is
 * 1 at a stagnation point (leading edge, inlet lip, radome tip) and about 0.89 on turbulent skin.
 * @example wallTemperatureK(216.65, 2, 0.89, 0) // 370.9 K
 */
export function wallTemperatureK(
  staticTemperatureK: number,
  mach: number,
  recoveryFactor: number,
  internalHeatK: number,
  gamma = GAMMA_AIR
): number {
  // Adiabatic wall (recovery) temperature Tr = T·(1 + r·(γ−1)/2 · M²), plus heat soak ΔT.
  const rise = recoveryFactor * ((gamma - 1) / 2) * mach * mach;
  return staticTemperatureK * (1 + rise) + internalHeatK;
}

/**
 * Highest Mach at which the wall stays at or below `limitK`; 0 when even standing still is too hot.
 * @example maxMachForWallLimit(393, 216.65, 1, 0) // ≈ 2.02
 */
export function maxMachForWallLimit(
  limitK: number,
  staticTemperatureK: number,
  recoveryFactor: number,
  internalHeatK: number,
  gamma = GAMMA_AIR
): number {
  // Inverse of the recovery temperature: M = sqrt(((T_lim − ΔT)/T − 1) · 2/(r·(γ−1))).
  const ratio = (limitK - internalHeatK) / staticTemperatureK - 1;
  if (ratio <= 0) return 0;
  return Math.sqrt((ratio * 2) / (recoveryFactor * (gamma - 1)));
}
