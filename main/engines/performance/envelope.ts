import type { ThrottleSetting } from '../propulsion/thrust';
import {
  levelFlightDragN,
  machLimitAt,
  specificExcessPowerMs,
  thrustAvailableN,
  type MachLimit,
  type PerformanceModel
} from './performance-model';

/** The fastest level flight found and what bounds it. */
export interface SpeedResult {
  mach: number;
  altitudeM: number;
  limitedBy: MachLimit;
}

const MACH_STEP = 0.1;
const ALTITUDE_STEP_M = 2000;
const BISECTION_STEPS = 8;

function excessThrustN(model: PerformanceModel, mach: number, altitudeM: number, massKg: number, setting: ThrottleSetting): number {
  return thrustAvailableN(model, mach, altitudeM, setting) - levelFlightDragN(model, mach, altitudeM, massKg);
}

/**
 * Highest Mach at one altitude, at or above `fromMach`, where thrust ≥ drag: a scan in steps of
 * 0.05 up to the Mach limit, refined by bisection on the last thrust = drag crossing.
 */
function topSpeedAt(
  model: PerformanceModel,
  altitudeM: number,
  massKg: number,
  setting: ThrottleSetting,
  fromMach: number
): { mach: number; limitedBy: MachLimit } {
  const limit = machLimitAt(model, altitudeM);
  let best = 0;
  let limitedBy: MachLimit = 'thrust';
  let previousOk = false;
  let previousMach = fromMach;
  for (let step = 0; fromMach + step * MACH_STEP <= limit.mach + MACH_STEP; step += 1) {
    const mach = Math.min(fromMach + step * MACH_STEP, limit.mach);
    const ok = excessThrustN(model, mach, altitudeM, massKg, setting) >= 0;
    if (ok) {
      best = mach;
      limitedBy = mach >= limit.mach ? limit.limitedBy : 'thrust';
    } else if (previousOk) {
      let low = previousMach;
      let high = mach;
      for (let i = 0; i < BISECTION_STEPS; i += 1) {
        const mid = 0.5 * (low + high);
        if (excessThrustN(model, mid, altitudeM, massKg, setting) >= 0) low = mid;
        else high = mid;
      }
      best = low;
      limitedBy = 'thrust';
    }
    previousOk = ok;
    previousMach = mach;
    if (mach >= limit.mach) break;
  }
  return { mach: best, limitedBy };
}

function fastestOverAltitudes(
  model: PerformanceModel,
  massKg: number,
  setting: ThrottleSetting,
  fromMach: number,
  maxAltitudeM: number
): SpeedResult {
  let result: SpeedResult = { mach: 0, altitudeM: 0, limitedBy: 'thrust' };
  for (let altitudeM = 0; altitudeM <= maxAltitudeM; altitudeM += ALTITUDE_STEP_M) {
    const top = topSpeedAt(model, altitudeM, massKg, setting, fromMach);
    if (top.mach > result.mach) result = { mach: top.mach, altitudeM, limitedBy: top.limitedBy };
  }
  return result;
}

/**
 * Maximum level-flight Mach on afterburning thrust over 0–20 km: where thrust equals drag, or the
 * intake, engine-temperature or structural limit if that comes first.
 */
export function maxLevelMach(model: PerformanceModel, massKg: number): SpeedResult {
  return fastestOverAltitudes(model, massKg, 'wet', 0.3, 20_000);
}

/** Highest supersonic Mach sustained on dry thrust (supercruise); 0 when none is above Mach 1. */
export function supercruiseMach(model: PerformanceModel, massKg: number): SpeedResult {
  if (model.engine.dryThrustKN <= 0) return { mach: 0, altitudeM: 0, limitedBy: 'thrust' };
  const result = fastestOverAltitudes(model, massKg, 'dry', 1.0, 20_000);
  return result.mach > 1 ? result : { mach: 0, altitudeM: 0, limitedBy: 'thrust' };
}

/** Best specific excess power over Mach at one altitude (m/s). */
export function bestSpecificExcessPowerMs(
  model: PerformanceModel,
  altitudeM: number,
  massKg: number,
  setting: ThrottleSetting
): number {
  const limit = machLimitAt(model, altitudeM).mach;
  let best = -Infinity;
  for (let mach = 0.3; mach <= limit + 1e-9; mach += MACH_STEP) {
    const ps = specificExcessPowerMs(model, mach, altitudeM, massKg, setting);
    if (ps > best) best = ps;
  }
  return best;
}

/** Service ceiling: highest altitude where the best Ps still reaches `requiredPsMs` (m). */
export function serviceCeilingM(
  model: PerformanceModel,
  massKg: number,
  setting: ThrottleSetting,
  requiredPsMs: number,
  maxAltitudeM: number
): number {
  if (bestSpecificExcessPowerMs(model, 0, massKg, setting) < requiredPsMs) return 0;
  let low = 0;
  let high = ALTITUDE_STEP_M;
  while (high <= maxAltitudeM && bestSpecificExcessPowerMs(model, high, massKg, setting) >= requiredPsMs) {
    low = high;
    high += ALTITUDE_STEP_M;
  }
  if (high > maxAltitudeM) return low;
  for (let i = 0; i < BISECTION_STEPS; i += 1) {
    const mid = 0.5 * (low + high);
    if (bestSpecificExcessPowerMs(model, mid, massKg, setting) >= requiredPsMs) low = mid;
    else high = mid;
  }
  return low;
}
