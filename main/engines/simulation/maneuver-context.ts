import type { AircraftFlightModel, ThrustSetting } from './aircraft-flight-model';
import { MissionFailure, type FlightIntegrator } from './flight-integrator';
import { STANDARD_GRAVITY_MS2 } from '../atmosphere/isa';

/** What every manoeuvre works with. */
export interface ManeuverContext {
  readonly model: AircraftFlightModel;
  readonly flight: FlightIntegrator;
  readonly timeStepS: number;
  /** Non-fatal findings (capped load factor, unsustainable turn...). */
  readonly warnings: string[];
}

/** A manoeuvre yields once per integration step. */
export type Steps = Generator<void, void, void>;

/** A MissionFailure whose message ends with the current phase. */
export function failure(ctx: ManeuverContext, what: string): MissionFailure {
  return new MissionFailure(`${what} during ${ctx.flight.phase}`);
}

/** Adds a warning that ends with the current phase. */
export function warn(ctx: ManeuverContext, what: string): void {
  ctx.warnings.push(`${what} during ${ctx.flight.phase}`);
}

/** Current weight W = m g. */
export function weightN(ctx: ManeuverContext): number {
  return ctx.flight.state.massKg * STANDARD_GRAVITY_MS2;
}

/** Thrust available at the current altitude and Mach. */
export function thrustN(ctx: ManeuverContext, setting: ThrustSetting): number {
  const { altitudeM, mach } = ctx.flight.state;
  return ctx.model.thrustAvailableN(altitudeM, mach, setting);
}

/** Drag at the current state and a load factor (1 = level flight). */
export function dragN(ctx: ManeuverContext, loadFactor = 1): number {
  const { altitudeM, mach, massKg } = ctx.flight.state;
  return ctx.model.dragN(altitudeM, mach, massKg, loadFactor);
}

/** Fuel flow for a delivered thrust at the current state. */
export function fuelFlowKgS(
  ctx: ManeuverContext,
  deliveredN: number,
  afterburner: boolean
): number {
  const { altitudeM, mach } = ctx.flight.state;
  return ctx.model.fuelFlowKgS(altitudeM, mach, deliveredN, afterburner);
}
