import type { AircraftFlightModel } from './aircraft-flight-model';
import { FlightIntegrator, MissionFailure } from './flight-integrator';
import { formatIssuePath } from '../../core/config/data-file';
import type { ManeuverContext } from './maneuver-context';
import { missionProfileSchema, type MissionProfileInput } from '../../../shared/results/mission-profile';
import { flySegment, phaseName } from './segments';
import { SeriesRecorder, type MissionSeries } from './series-recorder';

/** One flown segment. */
export interface MissionPhase {
  readonly name: string;
  readonly startS: number;
  readonly endS: number;
  readonly fuelUsedKg: number;
  /** Distance flown through the air during the phase (turns included). */
  readonly distanceKm: number;
}

/** Reported every `progressEvery` integration steps. */
export interface MissionProgress {
  /** Share of the mission done, 0..1, by segment count and progress within the segment. */
  readonly fraction: number;
  readonly phase: string;
  readonly timeS: number;
  readonly steps: number;
}

/** Outcome of a mission run. */
export interface MissionResult {
  readonly completed: boolean;
  readonly cancelled: boolean;
  /** Why the mission stopped early, naming the phase (e.g. "fuel exhausted during combat …"). */
  readonly failureReason?: string;
  /** Non-fatal findings such as a capped load factor. */
  readonly warnings: string[];
  readonly phases: MissionPhase[];
  /** Downsampled time histories (at most `maxSeriesPoints` points). */
  readonly series: MissionSeries;
  /** Every how many integration steps one series point was kept. */
  readonly seriesStride: number;
  readonly totals: {
    readonly durationS: number;
    readonly fuelUsedKg: number;
    readonly distanceKm: number;
    readonly fuelRemainingKg: number;
  };
  /** Integration steps taken. */
  readonly steps: number;
}

/** What to simulate and how to report. */
export interface RunMissionOptions {
  readonly model: AircraftFlightModel;
  /** Validated with `missionProfileSchema`; an invalid profile gives a failed result. */
  readonly profile: MissionProfileInput;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: MissionProgress) => void;
  /** Yield to the event loop, check the signal and report progress every N steps; default 2,000. */
  readonly progressEvery?: number;
  /** Cap on series points; default 2,000. */
  readonly maxSeriesPoints?: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function emptyResult(failureReason: string | undefined, cancelled: boolean): MissionResult {
  return {
    completed: false,
    cancelled,
    failureReason,
    warnings: [],
    phases: [],
    series: new SeriesRecorder().toSeries(),
    seriesStride: 1,
    totals: { durationS: 0, fuelUsedKg: 0, distanceKm: 0, fuelRemainingKg: 0 },
    steps: 0
  };
}

/**
 * Flies a mission profile with a flight model by explicit time stepping at the profile's
 * `timeStepS`. Cooperative: yields to the event loop every `progressEvery` steps, honours
 * `signal` (then `cancelled: true`), and reports progress. Running out of usable fuel, failing
 * to climb or to hold speed ends the run with `completed: false` and a `failureReason`.
 *
 * @example
 * const result = await runMission({ model, profile: buildCombatMission({ radiusKm: 600 }) });
 * if (!result.completed) console.log(result.failureReason);
 */
export async function runMission(options: RunMissionOptions): Promise<MissionResult> {
  const { model, signal, onProgress } = options;
  const parsed = missionProfileSchema.safeParse(options.profile);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatIssuePath(issue.path) : '(root)';
    return emptyResult(`invalid mission profile: ${where}: ${issue?.message ?? 'invalid'}`, false);
  }
  if (signal?.aborted) return emptyResult(undefined, true);
  const profile = parsed.data;
  const progressEvery = Math.max(1, Math.floor(options.progressEvery ?? 2_000));
  const recorder = new SeriesRecorder(options.maxSeriesPoints ?? 2_000);
  const reserveFuelKg = profile.reserveFuelFraction * model.fuelMassKg;
  const firstSegment = profile.segments[0];
  const flight = new FlightIntegrator(
    {
      timeS: 0,
      altitudeM: profile.initialAltitudeM,
      mach: firstSegment?.kind === 'takeoff' ? 0 : profile.initialMach,
      massKg: model.takeoffMassKg,
      fuelKg: model.fuelMassKg,
      distanceKm: 0
    },
    reserveFuelKg,
    recorder,
    firstSegment ? phaseName(firstSegment) : ''
  );
  const context: ManeuverContext = { model, flight, timeStepS: profile.timeStepS, warnings: [] };
  const phases: MissionPhase[] = [];
  let steps = 0;
  let fraction = 0;
  let failureReason: string | undefined;
  let cancelled = false;

  for (const [index, segment] of profile.segments.entries()) {
    flight.phase = phaseName(segment);
    const start = { ...flight.state };
    try {
      for (const segmentFraction of flySegment(context, segment)) {
        steps++;
        fraction = Math.max(fraction, (index + segmentFraction) / profile.segments.length);
        if (steps % progressEvery !== 0) continue;
        onProgress?.({ fraction, phase: flight.phase, timeS: flight.state.timeS, steps });
        await yieldToEventLoop();
        if (signal?.aborted) {
          cancelled = true;
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof MissionFailure)) throw error;
      failureReason = error.message;
    }
    phases.push({
      name: flight.phase,
      startS: start.timeS,
      endS: flight.state.timeS,
      fuelUsedKg: start.fuelKg - flight.state.fuelKg,
      distanceKm: flight.state.distanceKm - start.distanceKm
    });
    if (cancelled || failureReason) break;
  }

  recorder.finish(flight.latest);
  const completed = !cancelled && failureReason === undefined;
  if (completed) {
    onProgress?.({ fraction: 1, phase: flight.phase, timeS: flight.state.timeS, steps });
  }
  return {
    completed,
    cancelled,
    failureReason,
    warnings: context.warnings,
    phases,
    series: recorder.toSeries(),
    seriesStride: recorder.stride,
    totals: {
      durationS: flight.state.timeS,
      fuelUsedKg: model.fuelMassKg - flight.state.fuelKg,
      distanceKm: flight.state.distanceKm,
      fuelRemainingKg: flight.state.fuelKg
    },
    steps
  };
}
