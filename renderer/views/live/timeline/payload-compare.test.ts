import { describe, expect, it } from 'vitest';
import { comparePayloads } from './payload-compare';

describe('comparePayloads', () => {
  it('lines both payloads up leaf by leaf and marks the paths that differ', () => {
    const rows = comparePayloads(
      { engineId: 'aerodynamics', outputs: { maxMach: 1.82, zones: { wing: 'Ti' } }, changedFields: ['maxMach'] },
      { engineId: 'aerodynamics', outputs: { maxMach: 1.76, zones: { wing: 'Ti' } }, changedFields: ['maxMach', 'k'] }
    );
    expect(rows.map((r) => [r.path, r.a, r.b, r.differs])).toEqual([
      ['engineId', 'aerodynamics', 'aerodynamics', false],
      ['outputs.maxMach', 1.82, 1.76, true],
      ['outputs.zones.wing', 'Ti', 'Ti', false],
      ['changedFields[0]', 'maxMach', 'maxMach', false],
      ['changedFields[1]', undefined, 'k', true]
    ]);
    expect(rows[4]).toMatchObject({ inA: false, inB: true });
  });

  it('marks every leaf of a subtree only one payload has', () => {
    const rows = comparePayloads({ a: 1 }, { a: 1, extra: { x: 1, y: [2] } });
    expect(rows.filter((r) => r.differs).map((r) => r.path)).toEqual(['extra.x', 'extra.y[0]']);
  });

  it('compares payloads of different types as one differing root', () => {
    expect(comparePayloads(3, 'x')).toEqual([{ path: '(root)', inA: true, inB: true, a: 3, b: 'x', differs: true }]);
    expect(comparePayloads({ same: true }, { same: true }).some((r) => r.differs)).toBe(false);
  });
});
