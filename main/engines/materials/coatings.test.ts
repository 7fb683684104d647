import { describe, expect, it } from 'vitest';
import { coatingMassKg, reflectedPowerFraction, zoneWettedAreaM2 } from './coatings';

describe('coating models', () => {
  it('computes zone wetted area and coating mass', () => {
    expect(zoneWettedAreaM2(78, 4, 0.36)).toBeCloseTo(112.32, 9);
    expect(coatingMassKg(2.5, 100)).toBe(250);
  });

  it('turns absorption in dB into a reflected power fraction', () => {
    expect(reflectedPowerFraction(0)).toBe(1);
    expect(reflectedPowerFraction(10)).toBeCloseTo(0.1, 12);
    expect(reflectedPowerFraction(15)).toBeCloseTo(0.031623, 6);
  });
});
