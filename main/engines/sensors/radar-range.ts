/**
 * The radar range equation and its helpers. Power and bandwidth may be read as peak power and
 * single-pulse bandwidth, or (as the sensors library does) as average power and the inverse of
 * the coherent dwell time: Pt·τ·n = P_avg·T_dwell, so both give the same received energy.
 */

/** Boltzmann's constant (J/K). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;
/** IEEE standard reference noise temperature T0 (K). */
export const REFERENCE_NOISE_TEMPERATURE_K = 290;
const SPEED_OF_LIGHT_MS = 299_792_458;
const FOUR_PI_CUBED = Math.pow(4 * Math.PI, 3);

/**
 * Converts decibels to a power ratio.
 * @example dbToRatio(3) // 1.995
 */
export function dbToRatio(db: number): number {
  // x = 10^(dB/10)
  return Math.pow(10, db / 10);
}

/**
 * Converts a power ratio (or m²) to decibels (dBsm for an RCS in m²).
 * @example ratioToDb(0.001) // −30
 */
export function ratioToDb(ratio: number): number {
  // dB = 10·log10(x)
  return 10 * Math.log10(ratio);
}

/**
 * Wavelength of a radar carrier.
 * @example wavelengthM(10) // 0.02998 m
 */
export function wavelengthM(frequencyGHz: number): number {
  // λ = c / f
  return SPEED_OF_LIGHT_MS / (frequencyGHz * 1e9);
}

/**
 * Gain of an aperture antenna from its effective area.
 * @example apertureGain(0.5, 0.03) // 6981 (38.4 dBi)
 */
export function apertureGain(effectiveApertureM2: number, wavelength: number): number {
  // G = 4π·A_eff / λ²
  return (4 * Math.PI * effectiveApertureM2) / (wavelength * wavelength);
}

/** Inputs of the monostatic radar range equation. */
export interface RadarEquationInputs {
  transmitPowerW: number;
  /** Same antenna transmits and receives. */
  gain: number;
  wavelengthM: number;
  rcsM2: number;
  noiseBandwidthHz: number;
  noiseFigureDb: number;
  lossesDb: number;
  minimumSnrDb: number;
  noiseTemperatureK?: number;
}

/**
 * Maximum detection range of a monostatic radar.
 * @example detectionRangeM({ transmitPowerW: 4000, gain: 7819, wavelengthM: 0.03, rcsM2: 1,
 *   noiseBandwidthHz: 100, noiseFigureDb: 3, lossesDb: 6, minimumSnrDb: 13 }) // ≈ 204.5 km
 */
export function detectionRangeM(inputs: RadarEquationInputs): number {
  const noiseTemperatureK = inputs.noiseTemperatureK ?? REFERENCE_NOISE_TEMPERATURE_K;
  // R⁴ = Pt·G²·λ²·σ / ((4π)³·k·T0·B·F·L·SNRmin)
  const numerator =
    inputs.transmitPowerW *
    inputs.gain *
    inputs.gain *
    inputs.wavelengthM *
    inputs.wavelengthM *
    inputs.rcsM2;
  const denominator =
    FOUR_PI_CUBED *
    BOLTZMANN_J_PER_K *
    noiseTemperatureK *
    inputs.noiseBandwidthHz *
    dbToRatio(inputs.noiseFigureDb + inputs.lossesDb + inputs.minimumSnrDb);
  return Math.pow(numerator / denominator, 0.25);
}

/**
 * Range against another RCS, from the range against a reference RCS.
 * @example scaleRangeToRcs(200, 1, 0.0001) // 20
 */
export function scaleRangeToRcs(
  referenceRange: number,
  referenceRcsM2: number,
  rcsM2: number
): number {
  // R ∝ σ^(1/4)
  return referenceRange * Math.pow(rcsM2 / referenceRcsM2, 0.25);
}
