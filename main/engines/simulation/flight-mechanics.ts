import { GAMMA_AIR, STANDARD_GRAVITY_MS2, isaAtmosphere } from '../atmosphere/isa';

/** True airspeed from Mach at an ISA altitude. */
export function trueAirspeedMS(altitudeM: number, mach: number): number {
  return mach * isaAtmosphere(altitudeM).speedOfSoundMs;
}

/** Mach from true airspeed at an ISA altitude. */
export function machFromAirspeed(altitudeM: number, airspeedMS: number): number {
  return airspeedMS / isaAtmosphere(altitudeM).speedOfSoundMs;
}

/** Dynamic pressure q = γ p M² / 2. */
export function dynamicPressurePa(altitudeM: number, mach: number): number {
  return 0.5 * GAMMA_AIR * isaAtmosphere(altitudeM).pressurePa * mach * mach;
}

/** Stall speed V_s = √(2 m g / (ρ S C_Lmax)). */
export function stallSpeedMS(
  massKg: number,
  altitudeM: number,
  wingAreaM2: number,
  clMax: number
): number {
  const { densityKgM3 } = isaAtmosphere(altitudeM);
  return Math.sqrt((2 * massKg * STANDARD_GRAVITY_MS2) / (densityKgM3 * wingAreaM2 * clMax));
}

/** Lift-limited load factor n = q S C_Lmax / (m g). */
export function liftLimitLoadFactor(
  massKg: number,
  altitudeM: number,
  mach: number,
  wingAreaM2: number,
  clMax: number
): number {
  const liftN = dynamicPressurePa(altitudeM, mach) * wingAreaM2 * clMax;
  return liftN / (massKg * STANDARD_GRAVITY_MS2);
}
