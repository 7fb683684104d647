import { describe, expect, it } from 'vitest';
import { irstRangeKm, radarLoadEstimate } from './sensor-suite';

describe('radarLoadEstimate', () => {
  it('turns transmitter power into prime power and heat', () => {
    // 4000 W / 0.25 + 2000 W = 18 kW prime, 18 − 4 = 14 kW of heat
    const load = radarLoadEstimate({
      averagePowerW: 4000,
      dcToRfEfficiency: 0.25,
      electronicsPowerW: 2000
    });
    expect(load.powerKW).toBeCloseTo(18, 12);
    expect(load.coolingKW).toBeCloseTo(14, 12);
  });
});

describe('irstRangeKm', () => {
  it('scales with the square root of target intensity', () => {
    expect(irstRangeKm(50, 4)).toBeCloseTo(100, 12);
    expect(irstRangeKm(50, 0.25)).toBeCloseTo(25, 12);
  });
});
