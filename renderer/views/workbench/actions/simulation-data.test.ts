import { describe, it, expect } from 'vitest';
import { chartRows, formatDuration, missionTick, phaseMarkers, simulationRows } from './simulation-data';

describe('simulation data', () => {
  const series = {
    timeS: [0, 60, 120],
    altitudeM: [0, 5000, 10000],
    mach: [0.2, 0.6, 0.9],
    massKg: [30000, 29500, 29000],
    fuelKg: [8000, 7500, 7000],
    phase: ['takeoff', 'climb', 'cruise']
  };

  it('converts the series to chart units', () => {
    expect(simulationRows(series)[1]).toEqual({ timeMin: 1, altitudeKm: 5, mach: 0.6, massT: 29.5, fuelT: 7.5, phase: 'climb' });
  });

  it('downsamples long missions to at most 300 points per chart', () => {
    const n = 5000;
    const long = {
      timeS: Array.from({ length: n }, (_, i) => i),
      altitudeM: Array.from({ length: n }, (_, i) => Math.sin(i / 100) * 1000),
      mach: Array.from({ length: n }, () => 0.8),
      massKg: Array.from({ length: n }, (_, i) => 30000 - i),
      fuelKg: Array.from({ length: n }, (_, i) => 8000 - i),
      phase: Array.from({ length: n }, () => 'cruise')
    };
    expect(chartRows(simulationRows(long), (r) => r.altitudeKm)).toHaveLength(300);
  });

  it('marks phase starts and formats durations', () => {
    const phases = [
      { name: 'takeoff', startS: 0, endS: 10, fuelUsedKg: 1, distanceKm: 1 },
      { name: 'cruise', startS: 10, endS: 1000, fuelUsedKg: 1, distanceKm: 1 }
    ];
    expect(phaseMarkers(phases)).toEqual([
      { name: 'takeoff', atMin: 0, labelled: false },
      { name: 'cruise', atMin: 1 / 6, labelled: true }
    ]);
    expect(formatDuration(7.84)).toBe('7.8 s');
    expect(formatDuration(725)).toBe('12 min 05 s');
    expect(formatDuration(7774)).toBe('2 h 09 min');
  });

  it('writes axis ticks as they are: quarter Mach steps keep their second decimal', () => {
    expect([0, 0.25, 0.5, 0.75, 1].map(missionTick)).toEqual(['0', '0.25', '0.5', '0.75', '1']);
    expect([3, 12.5, 130].map(missionTick)).toEqual(['3', '13', '130']);
  });
});
