import { describe, expect, it } from 'vitest';
import { outputFieldInfo } from './field-info';

describe('outputFieldInfo', () => {
  it('reads the unit and meaning from the engine schema', () => {
    expect(outputFieldInfo('aerodynamics', 'maxMach')?.unit).toBe('Mach');
    expect(outputFieldInfo('design', 'emptyMassKg')).toEqual({ unit: 'kg', meaning: 'empty mass' });
    expect(outputFieldInfo('design', 'massBreakdownKg')?.unit).toBe('kg');
  });

  it('gives no unit for a dimensionless field and null for what no schema names', () => {
    expect(outputFieldInfo('aerodynamics', 'cd0')?.unit).toBe('');
    expect(outputFieldInfo('aerodynamics', 'noSuchField')).toBeNull();
    expect(outputFieldInfo('noSuchEngine', 'maxMach')).toBeNull();
  });
});
