import { describe, it, expect } from 'vitest';
import { isaAtmosphere } from './isa';

/** U.S. Standard Atmosphere 1976, geometric altitude table values. */
const TABLE = [
  { altitudeM: 0, temperatureK: 288.15, pressurePa: 101_325, densityKgM3: 1.225, speedOfSoundMs: 340.29 },
  { altitudeM: 5_000, temperatureK: 255.676, pressurePa: 54_048, densityKgM3: 0.73643, speedOfSoundMs: 320.55 },
  { altitudeM: 11_000, temperatureK: 216.774, pressurePa: 22_700, densityKgM3: 0.3648, speedOfSoundMs: 295.15 },
  { altitudeM: 15_000, temperatureK: 216.65, pressurePa: 12_111, densityKgM3: 0.19476, speedOfSoundMs: 295.07 },
  { altitudeM: 20_000, temperatureK: 216.65, pressurePa: 5_529.3, densityKgM3: 0.08891, speedOfSoundMs: 295.07 },
  { altitudeM: 30_000, temperatureK: 226.509, pressurePa: 1_197.0, densityKgM3: 0.01841, speedOfSoundMs: 301.71 }
];

describe('isaAtmosphere', () => {
  it.each(TABLE)('matches the 1976 table at $altitudeM m', (row) => {
    const state = isaAtmosphere(row.altitudeM);
    expect(state.temperatureK).toBeCloseTo(row.temperatureK, 1);
    expect(state.pressurePa / row.pressurePa).toBeCloseTo(1, 3);
    expect(state.densityKgM3 / row.densityKgM3).toBeCloseTo(1, 3);
    expect(state.speedOfSoundMs).toBeCloseTo(row.speedOfSoundMs, 0);
  });

  it('clamps below sea level and above 32 km', () => {
    expect(isaAtmosphere(-100).pressurePa).toBe(101_325);
    expect(isaAtmosphere(40_000).temperatureK).toBe(isaAtmosphere(32_000).temperatureK);
  });
});
