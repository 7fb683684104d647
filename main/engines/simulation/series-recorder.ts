/** The state of the aircraft at one instant, with the forces of the step that led to it. */
export interface MissionSample {
  readonly timeS: number;
  readonly altitudeM: number;
  readonly mach: number;
  readonly massKg: number;
  readonly fuelKg: number;
  readonly thrustN: number;
  readonly dragN: number;
  readonly distanceKm: number;
  readonly phase: string;
}

/** Mission time histories, one array per quantity, all the same length. */
export interface MissionSeries {
  timeS: number[];
  altitudeM: number[];
  mach: number[];
  massKg: number[];
  fuelKg: number[];
  thrustN: number[];
  dragN: number[];
  distanceKm: number[];
  phase: string[];
}

/**
 * Keeps at most `maxPoints` evenly spaced samples of an unbounded stream: when full it drops
 * every other kept sample and from then on keeps every second one offered (stride doubles).
 * The last sample passed to `finish` is always kept.
 *
 * @example
 * const recorder = new SeriesRecorder(2000);
 * recorder.offer(sample); // per integration step
 * recorder.finish(lastSample);
 * recorder.toSeries().timeS.length; // <= 2000
 */
export class SeriesRecorder {
  private samples: MissionSample[] = [];
  private offered = 0;
  private strideSteps = 1;

  constructor(readonly maxPoints = 2000) {
    if (!(maxPoints >= 2)) throw new RangeError('a series needs room for at least 2 points');
  }

  /** Every how many offered samples one is kept now. */
  get stride(): number {
    return this.strideSteps;
  }

  /** Offers one sample; it is kept if it falls on the current stride. */
  offer(sample: MissionSample): void {
    if (this.offered % this.strideSteps === 0) {
      this.samples.push(sample);
      if (this.samples.length > this.maxPoints) {
        this.samples = this.samples.filter((_, index) => index % 2 === 0);
        this.strideSteps *= 2;
      }
    }
    this.offered++;
  }

  /** Makes sure `sample` (the final state) is the last point, replacing the last one if full. */
  finish(sample: MissionSample): void {
    if (this.samples[this.samples.length - 1] === sample) return;
    if (this.samples.length >= this.maxPoints) this.samples.pop();
    this.samples.push(sample);
  }

  /** The kept samples as column arrays. */
  toSeries(): MissionSeries {
    const column = <K extends keyof MissionSample>(key: K): MissionSample[K][] =>
      this.samples.map((sample) => sample[key]);
    return {
      timeS: column('timeS'),
      altitudeM: column('altitudeM'),
      mach: column('mach'),
      massKg: column('massKg'),
      fuelKg: column('fuelKg'),
      thrustN: column('thrustN'),
      dragN: column('dragN'),
      distanceKm: column('distanceKm'),
      phase: column('phase')
    };
  }
}
