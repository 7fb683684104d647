import type { MissionSegment } from '../../../shared/results/mission-profile';
import { stallSpeedMS, trueAirspeedMS } from './flight-mechanics';
import {
  changeSpeedLevel,
  climbTo,
  cruise,
  descendTo,
  groundRoll,
  sustainedTurn
} from './maneuvers';
import { failure, type ManeuverContext, type Steps } from './maneuver-context';

/** Sink rate used when a level segment has to descend to its altitude first. */
const TRANSITION_DESCENT_RATE_MS = 15;

/** A segment in flight: yields its own progress in [0, 1] after every integration step. */
export type SegmentSteps = Generator<number, void, void>;

/** The phase name of a segment: its `name` if given, otherwise its kind. */
export function phaseName(segment: MissionSegment): string {
  return segment.name ?? segment.kind;
}

function* withProgress(steps: Steps, progress: () => number): SegmentSteps {
  for (let next = steps.next(); !next.done; next = steps.next()) {
    const fraction = progress();
    yield Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  }
}

function stallSpeed(ctx: ManeuverContext): number {
  const { massKg, altitudeM } = ctx.flight.state;
  return stallSpeedMS(massKg, altitudeM, ctx.model.wingAreaM2, ctx.model.clMax);
}

/** Climbs or descends (at the current Mach) to a level segment's altitude, if it names one. */
function* reachAltitude(ctx: ManeuverContext, altitudeM: number | undefined): Steps {
  if (altitudeM === undefined) return;
  if (altitudeM > ctx.flight.state.altitudeM) yield* climbTo(ctx, altitudeM, 'dry');
  else yield* descendTo(ctx, altitudeM, TRANSITION_DESCENT_RATE_MS);
}

/**
 * Flies one segment as a sequence of manoeuvres. Throws MissionFailure when the aircraft cannot
 * fly it (fuel, thrust, ceiling, takeoff mass).
 */
export function flySegment(ctx: ManeuverContext, segment: MissionSegment): SegmentSteps {
  const { model, flight } = ctx;
  const state = flight.state;
  switch (segment.kind) {
    case 'takeoff': {
      if (model.takeoffMassKg > model.maxTakeoffMassKg) {
        const takeoffKg = Math.round(model.takeoffMassKg);
        const limitKg = Math.round(model.maxTakeoffMassKg);
        throw failure(ctx, `takeoff mass ${takeoffKg} kg exceeds maximum ${limitKg} kg`);
      }
      const liftoffMS = segment.liftoffSpeedFactor * stallSpeed(ctx);
      const setting = segment.afterburner ? 'afterburner' : 'dry';
      return withProgress(
        groundRoll(ctx, liftoffMS, setting, segment.rollingFrictionCoefficient),
        () => trueAirspeedMS(state.altitudeM, state.mach) / liftoffMS
      );
    }
    case 'climb': {
      const startM = state.altitudeM;
      const setting = segment.afterburner ? 'afterburner' : 'dry';
      return withProgress(
        (function* (): Steps {
          yield* changeSpeedLevel(ctx, segment.mach, setting);
          yield* climbTo(ctx, segment.altitudeM, setting);
        })(),
        () => (state.altitudeM - startM) / (segment.altitudeM - startM)
      );
    }
    case 'cruise':
    case 'return': {
      let cruiseStartKm = Number.NaN;
      return withProgress(
        (function* (): Steps {
          yield* reachAltitude(ctx, segment.altitudeM);
          cruiseStartKm = state.distanceKm;
          yield* cruise(ctx, segment.distanceKm, segment.mach);
        })(),
        () => (state.distanceKm - cruiseStartKm) / segment.distanceKm
      );
    }
    case 'combat': {
      let turnStartS = Number.NaN;
      return withProgress(
        (function* (): Steps {
          yield* reachAltitude(ctx, segment.altitudeM);
          yield* changeSpeedLevel(ctx, segment.mach, segment.afterburner ? 'afterburner' : 'dry');
          turnStartS = state.timeS;
          yield* sustainedTurn(ctx, segment.durationS, segment.loadFactor, segment.afterburner);
        })(),
        () => (state.timeS - turnStartS) / segment.durationS
      );
    }
    case 'descent': {
      const startM = state.altitudeM;
      return withProgress(
        (function* (): Steps {
          yield* changeSpeedLevel(ctx, segment.mach, 'dry');
          yield* descendTo(ctx, segment.altitudeM, segment.descentRateMS);
        })(),
        () => (startM - state.altitudeM) / (startM - segment.altitudeM)
      );
    }
    case 'landing': {
      let touchdownMS = Number.NaN;
      return withProgress(
        (function* (): Steps {
          if (state.altitudeM > segment.runwayAltitudeM) {
            yield* descendTo(ctx, segment.runwayAltitudeM, TRANSITION_DESCENT_RATE_MS);
          }
          touchdownMS = segment.touchdownSpeedFactor * stallSpeed(ctx);
          const touchdownMach = touchdownMS / trueAirspeedMS(state.altitudeM, 1);
          yield* changeSpeedLevel(ctx, touchdownMach, 'dry');
          yield* groundRoll(ctx, 0, 'idle', segment.brakingFrictionCoefficient);
        })(),
        () => 1 - trueAirspeedMS(state.altitudeM, state.mach) / touchdownMS
      );
    }
  }
}
