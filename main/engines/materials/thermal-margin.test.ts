import { describe, expect, it } from 'vitest';
import { maxMachForWallLimit, stagnationTemperatureK, wallTemperatureK } from './thermal-margin';

describe('stagnationTemperatureK', () => {
  it('matches hand-calculated values', () => {
    expect(stagnationTemperatureK(216.65, 2)).toBeCloseTo(389.97, 2); // 216.65 × 1.8
    expect(stagnationTemperatureK(288.15, 1)).toBeCloseTo(345.78, 2); // 288.15 × 1.2
    expect(stagnationTemperatureK(250, 0)).toBe(250);
  });
});

describe('wallTemperatureK', () => {
  it('applies the recovery factor and the heat soak', () => {
    expect(wallTemperatureK(216.65, 2, 0.89, 0)).toBeCloseTo(216.65 * (1 + 0.89 * 0.8), 9);
    expect(wallTemperatureK(216.65, 2, 1, 120)).toBeCloseTo(509.97, 2);
  });
});

describe('maxMachForWallLimit', () => {
  it('reproduces the aluminium airliner limit near Mach 2 (Concorde, about 393 K skin)', () => {
    // sqrt((393/216.65 − 1)/0.2) = 2.017
    expect(maxMachForWallLimit(393, 216.65, 1, 0)).toBeCloseTo(2.017, 3);
  });

  it('inverts the wall temperature', () => {
    const mach = maxMachForWallLimit(505, 216.65, 0.89, 30);
    expect(wallTemperatureK(216.65, mach, 0.89, 30)).toBeCloseTo(505, 9);
  });

  it('is 0 when the heat soak alone exceeds the limit', () => {
    expect(maxMachForWallLimit(300, 216.65, 1, 120)).toBe(0);
  });
});
