import { describe, it, expect } from 'vitest';
import { formatFigure, formatNumber, labelFromKey, unitFromKey } from './units';

describe('unitFromKey', () => {
  it.each([
    ['combatRadiusKm', 'km'],
    ['wingLoadingKgM2', 'kg/m²'],
    ['loadedMassKg', 'kg'],
    ['serviceCeilingM', 'm'],
    ['unitFlyawayCostMUSD', 'M USD'],
    ['rdteCostBUSD', 'B USD'],
    ['frontalRcsDbsm', 'dBsm'],
    ['maxMach', 'Mach'],
    ['supercruiseMach', 'Mach'],
    ['dryThrustKN', 'kN'],
    ['powerDemandKW', 'kW'],
    ['scheduleMonths', 'months'],
    ['thermalMarginK', 'K'],
    ['durationS', 's'],
    ['thrustToWeight', ''],
    ['ldMax', ''],
    ['feasible', '']
  ])('%s → %s', (key, unit) => {
    expect(unitFromKey(key)).toBe(unit);
  });
});

describe('labelFromKey', () => {
  it('drops the unit suffix and splits camel case', () => {
    expect(labelFromKey('combatRadiusKm')).toBe('Combat radius');
    expect(labelFromKey('wingLoadingKgM2')).toBe('Wing loading');
    expect(labelFromKey('thrustToWeight')).toBe('Thrust to weight');
    expect(labelFromKey('unitFlyawayCostMUSD')).toBe('Unit flyaway cost');
  });

  it('keeps Mach as a word', () => {
    expect(labelFromKey('maxMach')).toBe('Max Mach');
  });
});

describe('formatNumber', () => {
  it('adapts precision to magnitude', () => {
    expect(formatNumber(31116)).toBe('31,116');
    expect(formatNumber(959.916)).toBe('959.9');
    expect(formatNumber(1.0224690141)).toBe('1.022');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(-33.4006)).toBe('-33.401');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatFigure', () => {
  it('formats a summary figure with its unit', () => {
    expect(formatFigure('combatRadiusKm', 959.9)).toEqual({ key: 'combatRadiusKm', label: 'Combat radius', value: '959.9', unit: 'km' });
    expect(formatFigure('feasible', true).value).toBe('yes');
    expect(formatFigure('frontalRcsDbsm', null)).toEqual({ key: 'frontalRcsDbsm', label: 'Frontal rcs', value: '—', unit: '' });
  });
});
