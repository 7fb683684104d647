import { describe, expect, it } from 'vitest';
import {
  apertureGain,
  dbToRatio,
  detectionRangeM,
  ratioToDb,
  scaleRangeToRcs,
  wavelengthM
} from './radar-range';

describe('radar range helpers', () => {
  it('converts decibels both ways', () => {
    expect(dbToRatio(10)).toBeCloseTo(10, 12);
    expect(dbToRatio(3)).toBeCloseTo(1.9953, 4);
    expect(ratioToDb(0.0001)).toBeCloseTo(-40, 12);
  });

  it('computes wavelength and aperture gain', () => {
    expect(wavelengthM(10)).toBeCloseTo(0.029979, 6);
    // G = 4π · 0.5 / 0.029979² = 6991
    expect(apertureGain(0.5, wavelengthM(10))).toBeCloseTo(6991, 0);
  });
});

describe('detectionRangeM', () => {
  const base = {
    transmitPowerW: 4000,
    gain: (4 * Math.PI * 0.56) / (0.03 * 0.03),
    wavelengthM: 0.03,
    rcsM2: 1,
    noiseBandwidthHz: 100,
    noiseFigureDb: 3,
    lossesDb: 6,
    minimumSnrDb: 13
  };

  it('matches a hand calculation', () => {
    // G = 7819; R⁴ = 4000·7819²·0.03²·1 / (1984.4·1.380649e-23·290·100·10^2.2) = 1.748e21 m⁴
    expect(detectionRangeM(base) / 1000).toBeCloseTo(204.47, 1);
  });

  it('grows with the fourth root of power and RCS', () => {
    const reference = detectionRangeM(base);
    expect(detectionRangeM({ ...base, transmitPowerW: 16_000 }) / reference).toBeCloseTo(
      Math.SQRT2,
      9
    );
    expect(detectionRangeM({ ...base, rcsM2: 0.0001 }) / reference).toBeCloseTo(0.1, 9);
    expect(detectionRangeM({ ...base, lossesDb: 10 }) / reference).toBeCloseTo(
      Math.pow(10, -0.1),
      9
    );
  });
});

describe('scaleRangeToRcs', () => {
  it('follows R ∝ σ^(1/4)', () => {
    expect(scaleRangeToRcs(200, 1, 0.0001)).toBeCloseTo(20, 9);
    expect(scaleRangeToRcs(100, 1, 16)).toBeCloseTo(200, 9);
  });
});
