import type { ThrottleSetting } from '../propulsion/thrust';
import type { MachLimit } from '../../../shared/engine-outputs';
import {
  airAt,
  machLimitAt,
  machLimitedBy,
  reachesSpecificExcessPowerInAir,
  thrustMeetsDragInAir,
  type FlightAir,
  type FlightModel
} from './flight-model';

/** The fastest level flight found and what bounds it. */
export interface SpeedResult {
  mach: number;
  altitudeM: number;
  limitedBy: MachLimit;
}

const MACH_STEP = 0.1;
const ALTITUDE_STEP_M = 2000;
/** The tropopause: where a fighter usually reaches its top speed. */
const TROPOPAUSE_M = 11_000;
const BISECTION_STEPS = 8;

/**
 * Index of the last point of the Mach grid `fromMach + k·0.1` (the last clipped to the Mach
 * limit) at one altitude; −1 when the limit lies below the grid.
 */
function lastGridIndex(fromMach: number, limitMach: number): number {
  let last = -1;
  for (let step = 0; fromMach + step * MACH_STEP <= limitMach + MACH_STEP; step += 1) {
    last = step;
    if (fromMach + step * MACH_STEP >= limitMach) break;
  }
  return last;
}

/** The best top speed found so far while the altitudes are searched. */
interface Leader {
  mach: number;
  altitudeM: number;
}

/** Whether a top speed at `altitudeM` replaces the leader: faster, or as fast and lower. */
function beats(mach: number, altitudeM: number, leader: Leader): boolean {
  return mach > leader.mach || (mach === leader.mach && mach > 0 && altitudeM < leader.altitudeM);
}

/**
 * Highest Mach at one altitude (the air's), at or above `fromMach`, where thrust ≥ drag, if it
 * beats the leader: the Mach limit itself when thrust holds there, otherwise the highest point of
 * the 0.1 grid where it holds, refined by bisection towards the next grid point. The grid is
 * scanned down from the limit, so the scan stops at the first point where thrust holds, or, where
 * it does not, at or below the leader's Mach (any crossing lower down is slower): the same
 * crossing as an upward scan of the whole grid, with far fewer evaluations.
 */
function topSpeedAt(
  model: FlightModel,
  air: FlightAir,
  massKg: number,
  setting: ThrottleSetting,
  fromMach: number,
  limitMach: number,
  leader: Leader
): number | undefined {
  const altitudeM = air.altitudeM;
  if (!beats(limitMach, altitudeM, leader)) return undefined;
  const last = lastGridIndex(fromMach, limitMach);
  for (let step = last; step >= 0; step -= 1) {
    const mach = Math.min(fromMach + step * MACH_STEP, limitMach);
    if (thrustMeetsDragInAir(model, mach, air, massKg, setting)) {
      if (step === last) return beats(mach, altitudeM, leader) ? mach : undefined;
      let low = mach;
      let high = Math.min(fromMach + (step + 1) * MACH_STEP, limitMach);
      for (let i = 0; i < BISECTION_STEPS; i += 1) {
        const mid = 0.5 * (low + high);
        if (thrustMeetsDragInAir(model, mid, air, massKg, setting)) low = mid;
        else high = mid;
      }
      return beats(low, altitudeM, leader) ? low : undefined;
    }
    if (mach <= leader.mach) return undefined;
  }
  return undefined;
}

/**
 * The altitudes searched (0, 2, … 20 km), nearest the tropopause first: a fighter's top speed is
 * usually found there, and a fast leader lets the other altitudes stop early.
 */
const SEARCH_ALTITUDES_M = Array.from({ length: 11 }, (_, index) => index * ALTITUDE_STEP_M).sort(
  (a, b) => Math.abs(a - TROPOPAUSE_M) - Math.abs(b - TROPOPAUSE_M) || a - b
);

/**
 * The fastest level flight over altitudes 0, 2, … 20 km; of equal top speeds the lowest
 * altitude's (the order the altitudes are searched in does not change the result).
 */
function fastestOverAltitudes(model: FlightModel, massKg: number, setting: ThrottleSetting, fromMach: number): SpeedResult {
  let result: SpeedResult = { mach: 0, altitudeM: 0, limitedBy: 'thrust' };
  for (const altitudeM of SEARCH_ALTITUDES_M) {
    const limitMach = machLimitAt(model, altitudeM);
    const top = topSpeedAt(model, airAt(altitudeM), massKg, setting, fromMach, limitMach, result);
    if (top === undefined) continue;
    // Only a top speed at the Mach limit is bounded by that limit (bisection stays below it).
    result = { mach: top, altitudeM, limitedBy: top >= limitMach ? machLimitedBy(model, altitudeM) : 'thrust' };
  }
  return result;
}

/**
 * Maximum level-flight Mach on afterburning thrust over 0–20 km: where thrust equals drag, or the
 * intake, engine-temperature or structural limit if that comes first.
 */
export function maxLevelMach(model: FlightModel, massKg: number): SpeedResult {
  return fastestOverAltitudes(model, massKg, 'wet', 0.3);
}

/** Highest supersonic Mach sustained on dry thrust (supercruise); 0 when none is above Mach 1. */
export function supercruiseMach(model: FlightModel, massKg: number): SpeedResult {
  if (model.engine.dryThrustKN <= 0) return { mach: 0, altitudeM: 0, limitedBy: 'thrust' };
  const result = fastestOverAltitudes(model, massKg, 'dry', 1.0);
  return result.mach > 1 ? result : { mach: 0, altitudeM: 0, limitedBy: 'thrust' };
}

/**
 * Whether the best specific excess power over the Mach grid (0.3, 0.4, … up to the Mach limit) at
 * one altitude reaches `requiredPsMs`: it does exactly when one grid point does, so the scan
 * stops at the first such point.
 */
function reachesSpecificExcessPower(
  model: FlightModel,
  altitudeM: number,
  massKg: number,
  setting: ThrottleSetting,
  requiredPsMs: number
): boolean {
  const limit = machLimitAt(model, altitudeM);
  const air = airAt(altitudeM);
  for (let mach = 0.3; mach <= limit + 1e-9; mach += MACH_STEP) {
    if (reachesSpecificExcessPowerInAir(model, mach, air, massKg, setting, requiredPsMs)) return true;
  }
  return false;
}

/** Service ceiling: highest altitude where the best Ps still reaches `requiredPsMs` (m). */
export function serviceCeilingM(
  model: FlightModel,
  massKg: number,
  setting: ThrottleSetting,
  requiredPsMs: number,
  maxAltitudeM: number
): number {
  if (!reachesSpecificExcessPower(model, 0, massKg, setting, requiredPsMs)) return 0;
  let low = 0;
  let high = ALTITUDE_STEP_M;
  while (high <= maxAltitudeM && reachesSpecificExcessPower(model, high, massKg, setting, requiredPsMs)) {
    low = high;
    high += ALTITUDE_STEP_M;
  }
  if (high > maxAltitudeM) return low;
  for (let i = 0; i < BISECTION_STEPS; i += 1) {
    const mid = 0.5 * (low + high);
    if (reachesSpecificExcessPower(model, mid, massKg, setting, requiredPsMs)) low = mid;
    else high = mid;
  }
  return low;
}
