import { describe, expect, it } from 'vitest';
import { isaAtmosphere } from './isa';

describe('isaAtmosphere', () => {
  it('matches the ISA table (geopotential altitude) at 0, 5, 11 and 20 km', () => {
    const table = [
      { h: 0, t: 288.15, p: 101_325, rho: 1.225, a: 340.29 },
      { h: 5_000, t: 255.65, p: 54_019.9, rho: 0.736116, a: 320.53 },
      { h: 11_000, t: 216.65, p: 22_632, rho: 0.36392, a: 295.07 },
      { h: 20_000, t: 216.65, p: 5_474.9, rho: 0.088035, a: 295.07 }
    ];
    for (const row of table) {
      const state = isaAtmosphere(row.h);
      expect(state.temperatureK).toBeCloseTo(row.t, 2);
      expect(state.pressurePa / row.p).toBeCloseTo(1, 4);
      expect(state.densityKgM3 / row.rho).toBeCloseTo(1, 4);
      expect(state.speedOfSoundMS).toBeCloseTo(row.a, 1);
    }
  });

  it('refuses altitudes outside its range', () => {
    expect(() => isaAtmosphere(25_000)).toThrow(RangeError);
    expect(() => isaAtmosphere(Number.NaN)).toThrow(RangeError);
  });
});
