import { describe, expect, it } from 'vitest';
import { diffValues } from './config-diff';

describe('diffValues', () => {
  it('reports changed leaves with old and new values', () => {
    const before = { name: 'F-22A', propulsion: { engineModel: 'F119-PW-100', count: 2 } };
    const after = { name: 'Typhoon', propulsion: { engineModel: 'EJ200', count: 2 } };
    expect(diffValues(before, after)).toEqual([
      { path: 'name', kind: 'changed', before: 'F-22A', after: 'Typhoon' },
      { path: 'propulsion.engineModel', kind: 'changed', before: 'F119-PW-100', after: 'EJ200' }
    ]);
  });

  it('reports added and removed keys and array items as one entry each', () => {
    const before = { modules: [{ id: 'radar' }, { id: 'ew' }], fuelKg: 8200 };
    const after = { modules: [{ id: 'radar' }], inletType: 'dsi' };
    expect(diffValues(before, after)).toEqual([
      { path: 'modules[1]', kind: 'removed', before: { id: 'ew' } },
      { path: 'inletType', kind: 'added', after: 'dsi' },
      { path: 'fuelKg', kind: 'removed', before: 8200 }
    ]);
  });

  it('finds nothing between equal structures and treats a type change as a change', () => {
    expect(diffValues({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
    expect(diffValues({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', kind: 'changed', before: [1], after: { 0: 1 } }]);
  });
});
