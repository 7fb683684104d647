import { describe, expect, it } from 'vitest';
import { materialMassFactor, zoneStructuralMassKg } from './structural-mass';

const AL_7075 = { densityKgM3: 2810, yieldStrengthMPa: 503, elasticModulusGPa: 71.7 };
const CFRP = { densityKgM3: 1570, yieldStrengthMPa: 450, elasticModulusGPa: 60 };
const STEEL = { densityKgM3: 7830, yieldStrengthMPa: 1690, elasticModulusGPa: 205 };

describe('materialMassFactor', () => {
  it('is 1 for the reference material', () => {
    expect(materialMassFactor(AL_7075, AL_7075, 0.5, 0.5)).toBeCloseTo(1, 12);
  });

  it('matches a hand calculation for carbon/epoxy against 7075', () => {
    // strength: (1570/450)/(2810/503) = 0.6245; buckling: (1570/3.9149)/(2810/4.1544) = 0.5929
    expect(materialMassFactor(CFRP, AL_7075, 1, 0)).toBeCloseTo(0.6245, 3);
    expect(materialMassFactor(CFRP, AL_7075, 0, 1)).toBeCloseTo(0.5929, 3);
    expect(materialMassFactor(CFRP, AL_7075, 0.5, 0.5)).toBeCloseTo(0.6087, 3);
  });

  it('makes steel heavier than aluminium once buckling counts', () => {
    expect(materialMassFactor(STEEL, AL_7075, 1, 0)).toBeLessThan(1);
    expect(materialMassFactor(STEEL, AL_7075, 0.5, 0.5)).toBeGreaterThan(1.3);
  });
});

describe('zoneStructuralMassKg', () => {
  it('scales only the material-sensitive share', () => {
    expect(zoneStructuralMassKg(1000, 0.61, 0.6)).toBeCloseTo(766, 6);
    expect(zoneStructuralMassKg(1000, 2, 0)).toBe(1000);
  });
});
