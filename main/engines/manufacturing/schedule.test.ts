import { describe, expect, it } from 'vitest';
import { monthsOfWork, productionRatePerMonth } from './schedule';

describe('schedule', () => {
  it('divides work by the team', () => {
    expect(monthsOfWork(4.2e6, 3000, 140)).toBeCloseTo(10, 12);
  });

  it('divides capacity by the hours per unit', () => {
    expect(productionRatePerMonth(6000, 140, 50_000)).toBeCloseTo(16.8, 12);
  });
});
