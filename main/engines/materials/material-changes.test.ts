import { describe, expect, it } from 'vitest';
import { zoneChanges } from './material-changes';

describe('zoneChanges', () => {
  const before = { zoneMaterials: { wings: 'al_7075', empennage: 'al_7075' }, zoneCoatings: { wings: 'none', empennage: 'none' } };

  it('reports nothing on the first computation', () => {
    expect(zoneChanges(undefined, before)).toEqual([]);
  });

  it('reports each zone whose material or coating changed, with from and to', () => {
    const after = { zoneMaterials: { wings: 'cfrp_im7_8552', empennage: 'al_7075' }, zoneCoatings: { wings: 'ram_iron_ball', empennage: 'none' } };
    expect(zoneChanges(before, after)).toEqual([
      { zone: 'wings', kind: 'material', from: 'al_7075', to: 'cfrp_im7_8552' },
      { zone: 'wings', kind: 'coating', from: 'none', to: 'ram_iron_ball' }
    ]);
  });

  it('reports nothing when nothing changed', () => {
    expect(zoneChanges(before, structuredClone(before))).toEqual([]);
  });
});
