import type { ThrustSetting } from './aircraft-flight-model';
import { bestRangeMach } from './best-range-mach';
import { liftLimitLoadFactor, machFromAirspeed, trueAirspeedMS } from './flight-mechanics';
import { MISSION_MAX_ALTITUDE_M } from '../../../shared/results/mission-profile';
import { STANDARD_GRAVITY_MS2, isaAtmosphere } from '../atmosphere/isa';
import {
  dragN,
  failure,
  fuelFlowKgS,
  thrustN,
  warn,
  weightN,
  type ManeuverContext,
  type Steps
} from './maneuver-context';

/** Below this net acceleration (m/s²) a speed change is considered impossible. */
const MIN_ACCELERATION_MS2 = 0.05;
/** Deceleration assumed with speed brakes when idle thrust alone would not slow the aircraft. */
const SPEED_BRAKE_DECELERATION_MS2 = 0.5;
/** Climb rate (m/s) below which the aircraft has reached its ceiling (≈100 ft/min). */
const MIN_CLIMB_RATE_MS = 0.5;
const MACH_TOLERANCE = 1e-6;
const ALTITUDE_TOLERANCE_M = 1e-6;

/**
 * Ground roll at a thrust setting from the current speed to `targetSpeedMS` (up for takeoff,
 * down to 0 for landing) with Coulomb friction and zero-lift drag: a = (T − D) / m − μ g.
 */
export function* groundRoll(
  ctx: ManeuverContext,
  targetSpeedMS: number,
  setting: ThrustSetting,
  frictionCoefficient: number
): Steps {
  const state = ctx.flight.state;
  const accelerating = trueAirspeedMS(state.altitudeM, state.mach) < targetSpeedMS;
  for (;;) {
    const speedMS = trueAirspeedMS(state.altitudeM, state.mach);
    const remainingMS = targetSpeedMS - speedMS;
    if (accelerating ? remainingMS <= 1e-9 : remainingMS >= -1e-9) return;
    const thrust = thrustN(ctx, setting);
    const drag = dragN(ctx, 0);
    const accelerationMS2 =
      (thrust - drag) / state.massKg - frictionCoefficient * STANDARD_GRAVITY_MS2;
    if (accelerating ? accelerationMS2 < MIN_ACCELERATION_MS2 : accelerationMS2 >= 0) {
      throw failure(ctx, `cannot ${accelerating ? 'accelerate' : 'stop'} on the ground`);
    }
    const dtS = Math.min(ctx.timeStepS, remainingMS / accelerationMS2);
    const endSpeedMS = Math.max(0, speedMS + accelerationMS2 * dtS);
    ctx.flight.advance({
      dtS,
      thrustN: thrust,
      dragN: drag,
      fuelFlowKgS: fuelFlowKgS(ctx, thrust, setting === 'afterburner'),
      climbRateMS: 0,
      groundSpeedMS: 0.5 * (speedMS + endSpeedMS),
      machAfter: machFromAirspeed(state.altitudeM, endSpeedMS)
    });
    yield;
  }
}

/**
 * Level acceleration (at `setting`) or deceleration (at idle, with speed brakes if idle thrust
 * alone would not slow down) to `targetMach`: a = (T − D) / m at 1 g.
 */
export function* changeSpeedLevel(
  ctx: ManeuverContext,
  targetMach: number,
  setting: ThrustSetting
): Steps {
  const state = ctx.flight.state;
  const accelerating = state.mach < targetMach;
  const targetSpeedMS = trueAirspeedMS(state.altitudeM, targetMach);
  while (Math.abs(state.mach - targetMach) > MACH_TOLERANCE) {
    const speedMS = trueAirspeedMS(state.altitudeM, state.mach);
    const thrust = thrustN(ctx, accelerating ? setting : 'idle');
    const drag = dragN(ctx);
    let accelerationMS2 = (thrust - drag) / state.massKg;
    if (accelerating && accelerationMS2 < MIN_ACCELERATION_MS2) {
      const where = `Mach ${targetMach} at ${Math.round(state.altitudeM)} m`;
      throw failure(ctx, `cannot accelerate to ${where}`);
    }
    if (!accelerating) accelerationMS2 = Math.min(accelerationMS2, -SPEED_BRAKE_DECELERATION_MS2);
    const dtS = Math.min(ctx.timeStepS, (targetSpeedMS - speedMS) / accelerationMS2);
    const endSpeedMS = speedMS + accelerationMS2 * dtS;
    ctx.flight.advance({
      dtS,
      thrustN: thrust,
      dragN: drag,
      fuelFlowKgS: fuelFlowKgS(ctx, thrust, accelerating && setting === 'afterburner'),
      climbRateMS: 0,
      groundSpeedMS: 0.5 * (speedMS + endSpeedMS),
      machAfter: dtS < ctx.timeStepS ? targetMach : machFromAirspeed(state.altitudeM, endSpeedMS)
    });
    yield;
  }
}

/** d(speed of sound)/d(altitude) by central difference, in (m/s)/m. */
function speedOfSoundGradientPerS(altitudeM: number): number {
  const lowM = Math.max(altitudeM - 1, 0);
  const highM = Math.min(altitudeM + 1, MISSION_MAX_ALTITUDE_M);
  const rise = isaAtmosphere(highM).speedOfSoundMs - isaAtmosphere(lowM).speedOfSoundMs;
  return rise / (highM - lowM);
}

/**
 * Constant-Mach climb to `targetAltitudeM`. Climb rate from specific excess power,
 * dh/dt = P_s / (1 + (V/g)·dV/dh) with P_s = (T − D)·V / W (energy method, Raymer §17.3).
 */
export function* climbTo(
  ctx: ManeuverContext,
  targetAltitudeM: number,
  setting: ThrustSetting
): Steps {
  const state = ctx.flight.state;
  while (targetAltitudeM - state.altitudeM > ALTITUDE_TOLERANCE_M) {
    const speedMS = trueAirspeedMS(state.altitudeM, state.mach);
    const thrust = thrustN(ctx, setting);
    const drag = dragN(ctx);
    const excessPowerMS = ((thrust - drag) * speedMS) / weightN(ctx);
    const speedGradientPerS = state.mach * speedOfSoundGradientPerS(state.altitudeM);
    const climbRateMS = excessPowerMS / (1 + (speedMS / STANDARD_GRAVITY_MS2) * speedGradientPerS);
    if (climbRateMS < MIN_CLIMB_RATE_MS) {
      const where = `${Math.round(state.altitudeM)} m at Mach ${state.mach.toFixed(2)}`;
      throw failure(ctx, `cannot climb above ${where}`);
    }
    ctx.flight.advance({
      dtS: Math.min(ctx.timeStepS, (targetAltitudeM - state.altitudeM) / climbRateMS),
      thrustN: thrust,
      dragN: drag,
      fuelFlowKgS: fuelFlowKgS(ctx, thrust, setting === 'afterburner'),
      climbRateMS,
      groundSpeedMS: Math.sqrt(Math.max(0, speedMS ** 2 - climbRateMS ** 2)),
      machAfter: state.mach
    });
    yield;
  }
}

/**
 * Constant-Mach descent to `targetAltitudeM` at `descentRateMS`: thrust T = D − W·ḣ/V clamped
 * between idle and dry; if idle is still too much, speed brakes hold the rate; if dry is too
 * little, the aircraft sinks faster.
 */
export function* descendTo(
  ctx: ManeuverContext,
  targetAltitudeM: number,
  descentRateMS: number
): Steps {
  const state = ctx.flight.state;
  while (state.altitudeM - targetAltitudeM > ALTITUDE_TOLERANCE_M) {
    const speedMS = trueAirspeedMS(state.altitudeM, state.mach);
    const drag = dragN(ctx);
    const requiredN = drag - (weightN(ctx) * descentRateMS) / speedMS;
    const thrust = Math.max(thrustN(ctx, 'idle'), Math.min(requiredN, thrustN(ctx, 'dry')));
    const sinkRateMS = Math.max(descentRateMS, ((drag - thrust) * speedMS) / weightN(ctx));
    ctx.flight.advance({
      dtS: Math.min(ctx.timeStepS, (state.altitudeM - targetAltitudeM) / sinkRateMS),
      thrustN: thrust,
      dragN: drag,
      fuelFlowKgS: fuelFlowKgS(ctx, thrust, false),
      climbRateMS: -sinkRateMS,
      groundSpeedMS: Math.sqrt(Math.max(0, speedMS ** 2 - sinkRateMS ** 2)),
      machAfter: state.mach
    });
    yield;
  }
}

/**
 * Level unaccelerated flight (thrust = drag, 1 g) over `distanceKm`. With `'best-range'` the
 * Mach is re-chosen every `reselectEveryS`; the kinetic-energy change of those small Mach
 * updates is neglected.
 */
export function* cruise(
  ctx: ManeuverContext,
  distanceKm: number,
  mach: number | 'best-range',
  reselectEveryS = 60
): Steps {
  const state = ctx.flight.state;
  const startKm = state.distanceKm;
  const remainingKm = (): number => distanceKm - (state.distanceKm - startKm);
  if (mach === 'best-range') yield* changeSpeedLevel(ctx, bestRangeMach(ctx), 'dry');
  else yield* changeSpeedLevel(ctx, mach, 'dry');
  let reselectAtS = state.timeS + reselectEveryS;
  while (remainingKm() > 1e-9) {
    if (mach === 'best-range' && state.timeS >= reselectAtS) {
      state.mach = bestRangeMach(ctx);
      reselectAtS = state.timeS + reselectEveryS;
    }
    const speedMS = trueAirspeedMS(state.altitudeM, state.mach);
    const drag = dragN(ctx);
    if (drag > thrustN(ctx, 'dry')) {
      const where = `Mach ${state.mach.toFixed(2)}, ${Math.round(state.altitudeM)} m`;
      throw failure(ctx, `drag exceeds dry thrust at ${where}`);
    }
    ctx.flight.advance({
      dtS: Math.min(ctx.timeStepS, (remainingKm() * 1000) / speedMS),
      thrustN: drag,
      dragN: drag,
      fuelFlowKgS: fuelFlowKgS(ctx, drag, false),
      climbRateMS: 0,
      groundSpeedMS: speedMS,
      machAfter: state.mach
    });
    yield;
  }
}

/**
 * A level turn at `loadFactor` for `durationS` at full thrust (afterburner or dry) with speed
 * held. The load factor is capped at the lift limit, and a turn whose drag exceeds the thrust
 * is flown anyway; both are reported as warnings.
 */
export function* sustainedTurn(
  ctx: ManeuverContext,
  durationS: number,
  loadFactor: number,
  afterburner: boolean
): Steps {
  const { model } = ctx;
  const state = ctx.flight.state;
  const endS = state.timeS + durationS;
  let warnedLift = false;
  let warnedThrust = false;
  while (endS - state.timeS > 1e-9) {
    const { massKg, altitudeM, mach } = state;
    const liftLimit = liftLimitLoadFactor(massKg, altitudeM, mach, model.wingAreaM2, model.clMax);
    const n = Math.min(loadFactor, liftLimit);
    if (n < loadFactor && !warnedLift) {
      warnedLift = true;
      warn(ctx, `load factor capped at ${n.toFixed(2)} (lift limit)`);
    }
    const thrust = thrustN(ctx, afterburner ? 'afterburner' : 'dry');
    const drag = dragN(ctx, n);
    if (drag > thrust && !warnedThrust) {
      warnedThrust = true;
      warn(ctx, `turn at ${n.toFixed(2)} g not sustainable (drag > thrust)`);
    }
    ctx.flight.advance({
      dtS: Math.min(ctx.timeStepS, endS - state.timeS),
      thrustN: thrust,
      dragN: drag,
      fuelFlowKgS: fuelFlowKgS(ctx, thrust, afterburner),
      climbRateMS: 0,
      groundSpeedMS: trueAirspeedMS(altitudeM, mach),
      machAfter: mach
    });
    yield;
  }
}
