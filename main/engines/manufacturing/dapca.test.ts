import { describe, expect, it } from 'vitest';
import { dapcaDirectCosts, dapcaHours, escalateUSD, raymerEngineCostUSD } from './dapca';
import { loadManufacturingLibrary } from './library';

const { dapca } = loadManufacturingLibrary();
// F-16-class: We = 8570 kg = 18 893.6 lb, V = 2178 km/h = 1176.0 kt, Q = 1000
const f16 = {
  emptyMassKg: 8570,
  maxSpeedKmh: 2178,
  quantity: 1000,
  flightTestAircraft: 6,
  materialFactor: 1
};

describe('dapcaHours', () => {
  it('matches hand-calculated Raymer hours', () => {
    const hours = dapcaHours(f16, dapca);
    // H_E = 4.86 · 18893.6^0.777 · 1176.0^0.894 · 1000^0.163 = 1.7510e7 h
    expect(hours.engineering / 1.751e7).toBeCloseTo(1, 3);
    // H_M = 7.37 · 18893.6^0.82 · 1176.0^0.484 · 1000^0.641 = 6.0691e7 h
    expect(hours.manufacturing / 6.0691e7).toBeCloseTo(1, 3);
    expect(hours.qualityControl).toBeCloseTo(0.133 * hours.manufacturing, 6);
  });

  it('multiplies every labour group by the material factor', () => {
    const aluminium = dapcaHours(f16, dapca);
    const composite = dapcaHours({ ...f16, materialFactor: 1.5 }, dapca);
    expect(composite.tooling / aluminium.tooling).toBeCloseTo(1.5, 12);
    expect(composite.engineering / aluminium.engineering).toBeCloseTo(1.5, 12);
  });
});

describe('dapcaDirectCosts', () => {
  it('follows the published exponents', () => {
    const base = dapcaDirectCosts(f16, dapca);
    const faster = dapcaDirectCosts({ ...f16, maxSpeedKmh: 2 * 2178 }, dapca);
    expect(faster.developmentSupportUSD / base.developmentSupportUSD).toBeCloseTo(
      Math.pow(2, 1.3),
      9
    );
    const moreTest = dapcaDirectCosts({ ...f16, flightTestAircraft: 12 }, dapca);
    expect(moreTest.flightTestUSD / base.flightTestUSD).toBeCloseTo(Math.pow(2, 1.21), 9);
  });
});

describe('raymerEngineCostUSD', () => {
  it('prices an F119-class engine near 10 M (2012 USD)', () => {
    // 3112 · [0.043·35 070 lbf + 243.25·2.25 + 0.969·3546 °R − 2228] = 10.156 M
    expect(raymerEngineCostUSD(156, 2.25, 1970, dapca.engineUSD) / 1e6).toBeCloseTo(10.156, 2);
  });
});

describe('escalateUSD', () => {
  it('scales by the CPI ratio', () => {
    expect(escalateUSD(100, 229.594, 313.689)).toBeCloseTo(136.63, 2);
  });
});
