import type { MissionSample, SeriesRecorder } from './series-recorder';

/** An expected way for a mission to end early (out of fuel, cannot climb...); not a bug. */
export class MissionFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissionFailure';
  }
}

/** The integrated state of the aircraft. */
export interface FlightState {
  timeS: number;
  altitudeM: number;
  mach: number;
  massKg: number;
  fuelKg: number;
  distanceKm: number;
}

/** Rates held constant over one explicit step. */
export interface StepRates {
  /** Requested step; shortened when the usable fuel runs out within it. */
  readonly dtS: number;
  readonly thrustN: number;
  readonly dragN: number;
  readonly fuelFlowKgS: number;
  readonly climbRateMS: number;
  /** Horizontal speed along the path. */
  readonly groundSpeedMS: number;
  /** Mach at the end of the step. */
  readonly machAfter: number;
}

const RATE_KEYS = [
  'thrustN',
  'dragN',
  'fuelFlowKgS',
  'climbRateMS',
  'groundSpeedMS',
  'machAfter'
] as const;

/**
 * Advances the flight state with explicit (forward Euler) steps and records each new state.
 * Fuel never goes below the reserve: the step that would cross it is shortened to end exactly
 * on it, recorded, and then a MissionFailure naming the phase is thrown.
 */
export class FlightIntegrator {
  readonly state: FlightState;
  phase = '';
  private lastSample: MissionSample;

  constructor(
    initial: FlightState,
    private readonly reserveFuelKg: number,
    private readonly recorder: SeriesRecorder,
    initialPhase: string
  ) {
    this.state = { ...initial };
    this.phase = initialPhase;
    this.lastSample = this.sample(0, 0);
    recorder.offer(this.lastSample);
  }

  /** The most recent recorded state. */
  get latest(): MissionSample {
    return this.lastSample;
  }

  /** Applies one step of constant rates. */
  advance(rates: StepRates): void {
    for (const key of RATE_KEYS) {
      if (!Number.isFinite(rates[key])) {
        throw new MissionFailure(`model gave a non-finite ${key} during ${this.phase}`);
      }
    }
    const usableFuelKg = Math.max(0, this.state.fuelKg - this.reserveFuelKg);
    const fuelFlowKgS = Math.max(0, rates.fuelFlowKgS);
    const exhausted = fuelFlowKgS * rates.dtS >= usableFuelKg && fuelFlowKgS > 0;
    const dtS = exhausted ? usableFuelKg / fuelFlowKgS : rates.dtS;
    const fraction = rates.dtS > 0 ? dtS / rates.dtS : 1;
    const burnedKg = exhausted ? usableFuelKg : fuelFlowKgS * dtS;
    const s = this.state;
    s.timeS += dtS;
    s.fuelKg = exhausted ? this.reserveFuelKg : s.fuelKg - burnedKg;
    s.massKg -= burnedKg;
    s.altitudeM += rates.climbRateMS * dtS;
    s.distanceKm += (rates.groundSpeedMS * dtS) / 1000;
    s.mach += (rates.machAfter - s.mach) * fraction;
    this.lastSample = this.sample(rates.thrustN, rates.dragN);
    this.recorder.offer(this.lastSample);
    if (exhausted) {
      const reserve =
        this.reserveFuelKg > 0 ? ` (reserve of ${Math.round(this.reserveFuelKg)} kg kept)` : '';
      throw new MissionFailure(
        `fuel exhausted during ${this.phase} at t = ${Math.round(s.timeS)} s${reserve}`
      );
    }
  }

  private sample(thrustN: number, dragN: number): MissionSample {
    return { ...this.state, thrustN, dragN, phase: this.phase };
  }
}
