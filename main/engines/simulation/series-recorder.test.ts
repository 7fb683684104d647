import { describe, expect, it } from 'vitest';
import { SeriesRecorder, type MissionSample } from './series-recorder';

const sample = (timeS: number): MissionSample => ({
  timeS,
  altitudeM: 0,
  mach: 0,
  massKg: 0,
  fuelKg: 0,
  thrustN: 0,
  dragN: 0,
  distanceKm: 0,
  phase: 'cruise'
});

describe('SeriesRecorder', () => {
  it('keeps everything while under the cap', () => {
    const recorder = new SeriesRecorder(10);
    for (let i = 0; i < 10; i++) recorder.offer(sample(i));
    expect(recorder.toSeries().timeS).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(recorder.stride).toBe(1);
  });

  it('stays under the cap with evenly spaced points and keeps the final sample', () => {
    const recorder = new SeriesRecorder(100);
    const last = sample(10_000);
    for (let i = 0; i < 10_000; i++) recorder.offer(sample(i));
    recorder.finish(last);
    const { timeS, phase } = recorder.toSeries();
    expect(timeS.length).toBeLessThanOrEqual(100);
    expect(timeS.length).toBeGreaterThan(50);
    expect(phase).toHaveLength(timeS.length);
    expect(timeS[0]).toBe(0);
    expect(timeS[timeS.length - 1]).toBe(10_000);
    const gaps = new Set(timeS.slice(1, -1).map((t, i) => t - (timeS[i] ?? 0)));
    expect(gaps).toEqual(new Set([recorder.stride]));
  });

  it('refuses a cap below two points', () => {
    expect(() => new SeriesRecorder(1)).toThrow(RangeError);
  });
});
