import { describe, expect, it } from 'vitest';
import { radarLoadEstimate } from './sensor-suite';

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

