import { describe, it, expect } from 'vitest';
import { loadAircraftLibrary } from '../design/library';
import { isaAtmosphere } from '../atmosphere/isa';
import { engineThrustKN, fuelFlowKgS, thrustLapse, thrustToWeight, tsfcLbPerLbfH } from './thrust';
import { inletThrustFactor, milSpecRecovery, normalShockRecovery } from './inlet';

const library = loadAircraftLibrary();
const f110 = library.engineById.get('F110-GE-129');
const ramjet = library.engineById.get('RAMJET-CONCEPT');
if (!f110 || !ramjet) throw new Error('library is missing test engines');
const at = (altitudeM: number) => isaAtmosphere(altitudeM);

describe('thrust lapse', () => {
  it('gives the published static thrust at sea level', () => {
    const sl = at(0);
    expect(engineThrustKN(f110, 0, sl.temperatureK, sl.pressurePa, 'wet')).toBeCloseTo(131, 5);
    expect(engineThrustKN(f110, 0, sl.temperatureK, sl.pressurePa, 'dry')).toBeCloseTo(76.3, 5);
  });

  it('falls with altitude roughly as the pressure ratio below the throttle ratio', () => {
    const h = at(11_000);
    const alpha = thrustLapse(f110, 0.8, h.temperatureK, h.pressurePa, 'wet');
    // Mattingly: θ0 = 0.752·1.128 = 0.848 < TR, α = δ0 = 0.2234·1.524
    expect(alpha).toBeCloseTo(0.3405, 2);
  });

  it('lapses faster dry than wet above the throttle ratio (Mattingly 3.8 vs 3.5)', () => {
    const h = at(11_000);
    const dry = thrustLapse(f110, 2, h.temperatureK, h.pressurePa, 'dry');
    const wet = thrustLapse(f110, 2, h.temperatureK, h.pressurePa, 'wet');
    expect(dry).toBeLessThan(wet);
    expect(wet).toBeGreaterThan(0);
  });

  it('gives a ramjet no static thrust and its design thrust at the design Mach', () => {
    const sl = at(0);
    expect(engineThrustKN(ramjet, 0, sl.temperatureK, sl.pressurePa, 'wet')).toBe(0);
    expect(engineThrustKN(ramjet, 3, sl.temperatureK, sl.pressurePa, 'wet')).toBeCloseTo(60, 5);
    expect(engineThrustKN(ramjet, 5, sl.temperatureK, sl.pressurePa, 'wet')).toBe(0);
  });
});

describe('fuel consumption', () => {
  it('rises with Mach and falls with colder air', () => {
    const sl = at(0);
    const cruise = at(11_000);
    expect(tsfcLbPerLbfH(f110, 0, sl.temperatureK, 'dry')).toBeCloseTo(0.76, 6);
    expect(tsfcLbPerLbfH(f110, 0.9, sl.temperatureK, 'dry')).toBeCloseTo(0.76 * 1.3, 6);
    expect(tsfcLbPerLbfH(f110, 0, cruise.temperatureK, 'dry')).toBeLessThan(0.76);
  });

  it('converts to fuel flow: 100 kN at 1 lb/(lbf·h) is 2.83 kg/s', () => {
    expect(fuelFlowKgS(100, 1)).toBeCloseTo(2.8325, 3);
  });

  it('computes installed T/W', () => {
    expect(thrustToWeight(131, 12_000)).toBeCloseTo(1.113, 3);
  });
});

describe('intake recovery', () => {
  it('matches the normal-shock table at Mach 2 (0.7209)', () => {
    expect(normalShockRecovery(2)).toBeCloseTo(0.7209, 4);
    expect(normalShockRecovery(0.8)).toBe(1);
  });

  it('penalises a pitot intake against the MIL-E-5008B reference at Mach 2', () => {
    expect(milSpecRecovery(2)).toBeCloseTo(0.925, 6);
    expect(inletThrustFactor(library.cfd.inlets.pitot, 2)).toBeCloseTo(0.7209 / 0.925, 3);
    expect(inletThrustFactor(library.cfd.inlets.variable_ramp, 2)).toBeCloseTo(1, 6);
  });
});
