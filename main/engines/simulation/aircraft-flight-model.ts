/**
 * Engine power setting: `idle` = flight idle, `dry` = maximum dry (military) thrust,
 * `afterburner` = full reheat.
 */
export type ThrustSetting = 'idle' | 'dry' | 'afterburner';

/**
 * What the mission simulator needs to know about an aircraft. The physics engines implement it;
 * the simulator only calls it. Every function must accept Mach 0 (ground roll start) and any
 * altitude from 0 to 20 km, and return finite, non-negative values.
 */
export interface AircraftFlightModel {
  /** Structural limit; a takeoff above it fails at once. */
  readonly maxTakeoffMassKg: number;
  /** Mass at brake release, fuel included. */
  readonly takeoffMassKg: number;
  /** Usable internal fuel at brake release. */
  readonly fuelMassKg: number;
  /** Reference wing area used with `clMax`. */
  readonly wingAreaM2: number;
  /** Maximum lift coefficient: sets stall, liftoff and touchdown speeds and the lift limit. */
  readonly clMax: number;
  /** Installed thrust available at a setting. */
  thrustAvailableN(altitudeM: number, mach: number, setting: ThrustSetting): number;
  /** Fuel mass flow for a given delivered thrust (total for all engines). */
  fuelFlowKgS(altitudeM: number, mach: number, thrustN: number, afterburner: boolean): number;
  /** Total drag at a load factor (0 = no lift, e.g. on the ground roll; 1 = level flight). */
  dragN(altitudeM: number, mach: number, massKg: number, loadFactor: number): number;
}
