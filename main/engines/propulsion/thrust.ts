import type { EngineDefinition } from '../../../shared/library/engines';
import { GAMMA_AIR, SEA_LEVEL_PRESSURE_PA, SEA_LEVEL_TEMPERATURE_K, STANDARD_GRAVITY_MS2 } from '../atmosphere/isa';

/** Engine power setting: dry (military) or afterburning (maximum). */
export type ThrottleSetting = 'dry' | 'wet';

/** 1 lb/(lbf·h) expressed in kg/(N·s). */
const TSFC_LB_LBF_H_TO_KG_N_S = 1 / (3600 * STANDARD_GRAVITY_MS2);
const HALF_GAMMA_MINUS_ONE = (GAMMA_AIR - 1) / 2;
const GAMMA_EXPONENT = GAMMA_AIR / (GAMMA_AIR - 1);

/** Total-to-standard temperature ratio θ0 = (T/T_sl)(1 + (γ−1)/2·M²) (Mattingly eq. 2.52a). */
export function totalTemperatureRatio(mach: number, temperatureK: number): number {
  return (temperatureK / SEA_LEVEL_TEMPERATURE_K) * (1 + HALF_GAMMA_MINUS_ONE * mach * mach);
}

/** Total-to-standard pressure ratio δ0 = (p/p_sl)(1 + (γ−1)/2·M²)^(γ/(γ−1)) (Mattingly eq. 2.52b). */
export function totalPressureRatio(mach: number, pressurePa: number): number {
  // In doubles γ/(γ−1) is 3.5000000000000004, not 3.5, so the power stays a Math.pow.
  return (pressurePa / SEA_LEVEL_PRESSURE_PA) * Math.pow(1 + HALF_GAMMA_MINUS_ONE * mach * mach, GAMMA_EXPONENT);
}

/**
 * Thrust lapse α = T / T_SLS for one setting (relative to that setting's static sea-level thrust).
 * Turbofans: Mattingly's installed lapse for low-bypass mixed-flow turbofans,
 * α = δ0 for θ0 ≤ TR, α = δ0·(1 − k·(θ0 − TR)/θ0) above (k = 3.5 max, 3.8 military).
 * Ramjets: `ramjetLapse`, kept apart so that the turbofan path, which the envelope searches
 * evaluate hundreds of times per design, stays within V8's inlining budget.
 */
export function thrustLapse(
  engine: EngineDefinition,
  mach: number,
  temperatureK: number,
  pressurePa: number,
  setting: ThrottleSetting
): number {
  if (engine.type === 'ramjet') return ramjetLapse(engine, mach, pressurePa);
  const theta0 = totalTemperatureRatio(mach, temperatureK);
  const delta0 = totalPressureRatio(mach, pressurePa);
  const { throttleRatio, dryLapseSlope, wetLapseSlope } = engine.lapse;
  if (theta0 <= throttleRatio) return delta0;
  const slope = setting === 'wet' ? wetLapseSlope : dryLapseSlope;
  return Math.max(0, delta0 * (1 - (slope * (theta0 - throttleRatio)) / theta0));
}

/** Ramjet: thrust = C_F·q·A, so α ∝ (p/p_sl)·(M/M_d)²·η(M), η = 1 − ½((M − M_d)/M_d)² inside the envelope. */
function ramjetLapse(engine: EngineDefinition, mach: number, pressurePa: number): number {
  const envelope = engine.ramjet;
  if (!envelope || mach < envelope.minOperatingMach || mach > envelope.maxOperatingMach) return 0;
  const offDesign = (mach - envelope.designMach) / envelope.designMach;
  const ratio = mach / envelope.designMach;
  return Math.max(0, (pressurePa / SEA_LEVEL_PRESSURE_PA) * ratio * ratio * (1 - 0.5 * offDesign * offDesign));
}

/** Thrust of one engine (kN) at a flight condition: T = T_SLS(setting)·α. */
export function engineThrustKN(
  engine: EngineDefinition,
  mach: number,
  temperatureK: number,
  pressurePa: number,
  setting: ThrottleSetting
): number {
  const staticKN = setting === 'wet' ? engine.wetThrustKN : engine.dryThrustKN;
  return staticKN * thrustLapse(engine, mach, temperatureK, pressurePa, setting);
}

/**
 * Thrust-specific fuel consumption (lb/(lbf·h)) at a flight condition.
 * Mattingly eq. 3.55 (low-bypass mixed-flow): military (0.9 + 0.30M)√θ, max (1.6 + 0.27M)√θ,
 * scaled to the engine's published static value; ramjets are taken as constant.
 */
export function tsfcLbPerLbfH(
  engine: EngineDefinition,
  mach: number,
  temperatureK: number,
  setting: ThrottleSetting
): number {
  const staticTsfc = setting === 'wet' ? engine.tsfcWetLbPerLbfH : engine.tsfcDryLbPerLbfH;
  if (engine.type === 'ramjet') return staticTsfc;
  const machSlope = setting === 'wet' ? 0.27 / 1.6 : 0.3 / 0.9;
  return staticTsfc * (1 + machSlope * mach) * Math.sqrt(temperatureK / SEA_LEVEL_TEMPERATURE_K);
}

/** TSFC converted to the weight-specific form used by Breguet: c = TSFC·g (1/s). */
export function tsfcPerSecond(tsfc: number): number {
  return tsfc / 3600;
}

/** Fuel flow (kg/s) for a thrust (kN) at a TSFC (lb/(lbf·h)): ṁ_f = TSFC·T. */
export function fuelFlowKgS(thrustKN: number, tsfc: number): number {
  return thrustKN * 1000 * tsfc * TSFC_LB_LBF_H_TO_KG_N_S;
}

/** Installed thrust-to-weight ratio from total static thrust (kN) and mass (kg): T/(m·g). */
export function thrustToWeight(totalThrustKN: number, massKg: number): number {
  return (totalThrustKN * 1000) / (massKg * STANDARD_GRAVITY_MS2);
}
