import { describe, expect, it } from 'vitest';
import { isaAtmosphere as standardAtmosphere } from '../atmosphere/isa';
import { isaAtmosphere } from './isa';

describe('simulator atmosphere', () => {
  it('is the engines’ ISA model, under the simulator’s field names', () => {
    for (const altitudeM of [0, 5_000, 11_000, 20_000]) {
      const air = standardAtmosphere(altitudeM);
      expect(isaAtmosphere(altitudeM)).toEqual({
        temperatureK: air.temperatureK,
        pressurePa: air.pressurePa,
        densityKgM3: air.densityKgM3,
        speedOfSoundMS: air.speedOfSoundMs
      });
    }
  });

  it('refuses altitudes outside the band a mission may fly', () => {
    expect(() => isaAtmosphere(25_000)).toThrow(RangeError);
    expect(() => isaAtmosphere(Number.NaN)).toThrow(RangeError);
  });
});
