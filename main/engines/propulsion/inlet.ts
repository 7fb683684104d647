import type { InletModel } from '../../../shared/library/cfd';

const GAMMA = 1.4;

/**
 * Total-pressure recovery across a normal shock (pitot intake):
 * p02/p01 = [(γ+1)M²/((γ−1)M²+2)]^(γ/(γ−1)) · [(γ+1)/(2γM² − (γ−1))]^(1/(γ−1)).
 */
export function normalShockRecovery(mach: number): number {
  if (mach <= 1) return 1;
  const m2 = mach * mach;
  const a = ((GAMMA + 1) * m2) / ((GAMMA - 1) * m2 + 2);
  const b = (GAMMA + 1) / (2 * GAMMA * m2 - (GAMMA - 1));
  return Math.pow(a, GAMMA / (GAMMA - 1)) * Math.pow(b, 1 / (GAMMA - 1));
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
  const recovery =
    inlet.recoveryModel === 'normal_shock' ? normalShockRecovery(mach) : milSpecRecovery(mach, inlet.lossFactor);
  return recovery / milSpecRecovery(mach);
}
