import { describe, expect, it } from 'vitest';
import { cumulativeAverageFactor, learningExponent, unitCost } from './learning-curve';

describe('learning curve', () => {
  it('drops the unit cost by the slope at every doubling', () => {
    expect(learningExponent(0.85)).toBeCloseTo(-0.23447, 5);
    expect(unitCost(100, 2, 0.85)).toBeCloseTo(85, 9);
    expect(unitCost(100, 4, 0.85)).toBeCloseTo(72.25, 9);
    expect(unitCost(100, 1, 0.85)).toBe(100);
  });

  it('approximates the exact cumulative average within 0.5 %', () => {
    const b = Math.log2(0.85);
    for (const quantity of [10, 100, 1000]) {
      let sum = 0;
      for (let n = 1; n <= quantity; n += 1) sum += Math.pow(n, b);
      expect(cumulativeAverageFactor(quantity, 0.85) / (sum / quantity)).toBeCloseTo(1, 2);
    }
  });

  it('is flat for a slope of 1', () => {
    expect(cumulativeAverageFactor(500, 1)).toBeCloseTo(1, 9);
  });
});
