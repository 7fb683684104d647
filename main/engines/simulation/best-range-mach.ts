import { liftLimitLoadFactor, trueAirspeedMS } from './flight-mechanics';
import { failure, type ManeuverContext } from './maneuver-context';

const MACH_STEP = 0.01;
const MIN_MACH = 0.3;
const MAX_MACH = 2.5;
/** Lift margin over 1 g required of a cruise Mach (1.2 × stall speed → 1.2²). */
const LIFT_MARGIN = 1.44;

/**
 * The Mach of best specific range V / ṁ_fuel at the current altitude and mass, searched on a
 * 0.01 grid among Machs where dry thrust covers level drag and the wing keeps 1.2 × stall speed.
 */
export function bestRangeMach(ctx: ManeuverContext): number {
  const { model } = ctx;
  const { altitudeM, massKg } = ctx.flight.state;
  let best: { mach: number; metresPerKg: number } | undefined;
  for (let step = 0; MIN_MACH + step * MACH_STEP <= MAX_MACH + 1e-9; step++) {
    const mach = MIN_MACH + step * MACH_STEP;
    const liftLimit = liftLimitLoadFactor(massKg, altitudeM, mach, model.wingAreaM2, model.clMax);
    if (liftLimit < LIFT_MARGIN) continue;
    const dragN = model.dragN(altitudeM, mach, massKg, 1);
    if (dragN > model.thrustAvailableN(altitudeM, mach, 'dry')) continue;
    const fuelFlowKgS = model.fuelFlowKgS(altitudeM, mach, dragN, false);
    const metresPerKg = trueAirspeedMS(altitudeM, mach) / fuelFlowKgS;
    if (Number.isFinite(metresPerKg) && (!best || metresPerKg > best.metresPerKg)) {
      best = { mach, metresPerKg };
    }
  }
  if (!best) throw failure(ctx, `no Mach sustains level flight at ${Math.round(altitudeM)} m`);
  return best.mach;
}
