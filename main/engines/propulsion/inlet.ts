import type { InletModel } from '../../../shared/library/cfd';
import { GAMMA_AIR } from '../atmosphere/isa';

/**
 * Total-pressure recovery across a normal shock (pitot intake):
 * p02/p01 = [(γ+1)M²/((γ−1)M²+2)]^(γ/(γ−1)) · [(γ+1)/(2γM² − (γ−1))]^(1/(γ−1)).
 */
export function normalShockRecovery(mach: number): number {
  if (mach <= 1) return 1;
  const m2 = mach * mach;
  const a = ((GAMMA_AIR + 1) * m2) / ((GAMMA_AIR - 1) * m2 + 2);
  const b = (GAMMA_AIR + 1) / (2 * GAMMA_AIR * m2 - (GAMMA_AIR - 1));
  // γ = 1.4: a^3.5 · b^2.5 = a³√a · b²√b, several times cheaper than Math.pow.
  return a * a * a * Math.sqrt(a) * b * b * Math.sqrt(b);
}

/** MIL-E-5008B reference recovery η = 1 − 0.075(M − 1)^1.35, scaled by a loss factor. */
export function milSpecRecovery(mach: number, lossFactor = 1): number {
  if (mach <= 1) return 1;
  return Math.max(0, 1 - lossFactor * 0.075 * Math.pow(mach - 1, 1.35));
}

/**
 * Thrust factor of an intake relative to the MIL-E-5008B reference built into the installed
 * lapse: thrust scales with the compressor-face total pressure, so factor = η_intake / η_ref.
 */
export function inletThrustFactor(inlet: InletModel, mach: number): number {
  if (mach <= 1) return 1;
  // Both recoveries share (M − 1)^1.35: `milSpecRecovery` written out, the power taken once.
  const shockLoss = 0.075 * Math.pow(mach - 1, 1.35);
  const reference = Math.max(0, 1 - shockLoss);
  const recovery =
    inlet.recoveryModel === 'normal_shock' ? normalShockRecovery(mach) : Math.max(0, 1 - inlet.lossFactor * shockLoss);
  return recovery / reference;
}
