import type { RadarDefinition } from './library';

/** Electrical power and heat load of one sensor. */
export type SensorLoad = { powerKW: number; coolingKW: number };

/**
 * Prime power and heat load of a radar estimated from its transmitter: the RF that leaves the
 * antenna is the only power not turned into heat on board.
 * @example radarLoadEstimate(apg77) // { powerKW: 18, coolingKW: 14 }
 */
export function radarLoadEstimate(
  radar: Pick<RadarDefinition, 'averagePowerW' | 'dcToRfEfficiency' | 'electronicsPowerW'>
): SensorLoad {
  // P_prime = P_avg/η + P_electronics; Q_heat = P_prime − P_avg (radiated RF leaves the aircraft)
  const primeW = radar.averagePowerW / radar.dcToRfEfficiency + radar.electronicsPowerW;
  return { powerKW: primeW / 1000, coolingKW: (primeW - radar.averagePowerW) / 1000 };
}
