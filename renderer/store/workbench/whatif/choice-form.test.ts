import { describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../../../shared/aircraft';
import type { LibraryCatalog } from '../../../../shared/protocol';
import { choiceOf, initialChoiceForm, recordedChoicesOf, recordedValueText, zonesOf } from './choice-form';

const item = (id: string): { id: string; name: string } => ({ id, name: id.toUpperCase() });
const catalog: LibraryCatalog = {
  engines: [item('F119-PW-100'), item('F135-PW-100')],
  materials: [item('al_7075'), item('ti_6al4v')],
  coatings: [item('none'), item('ram_iron_ball')],
  modules: [item('apg-77'), item('apg-81')],
  sensors: [item('apg-77'), item('apg-81')]
};
// Only the parts the choices read.
const f22a = {
  propulsion: { engineModel: 'F119-PW-100', count: 2 },
  materials: { wings: 'al_7075', inlets: 'ti_6al4v' },
  coatings: [{ coatingId: 'ram_iron_ball', zones: ['wings'] }],
  modules: [{ instanceId: 'radar', libraryId: 'apg-77', attachmentPoint: 'nose' }]
} as unknown as AircraftConfiguration;

describe('choice form', () => {
  it('starts from choices the recorded configuration did not make', () => {
    const form = initialChoiceForm(f22a, catalog);
    expect(form).toMatchObject({ kind: 'engine_model', engineModel: 'F135-PW-100', zone: 'wings', materialId: 'ti_6al4v', coatingId: 'none', radarId: 'apg-81' });
  });

  it('builds the one choice of the chosen kind', () => {
    const form = initialChoiceForm(f22a, catalog);
    expect(choiceOf(form)).toEqual({ kind: 'engine_model', engineModel: 'F135-PW-100' });
    expect(choiceOf({ ...form, kind: 'material' })).toEqual({ kind: 'material', zone: 'wings', materialId: 'ti_6al4v' });
    expect(choiceOf({ ...form, kind: 'coating' })).toEqual({ kind: 'coating', coatingId: 'none' });
    expect(choiceOf({ ...form, kind: 'coating', coatingZone: 'inlets' })).toEqual({ kind: 'coating', coatingId: 'none', zone: 'inlets' });
    expect(choiceOf({ ...form, kind: 'radar' })).toEqual({ kind: 'radar', radarId: 'apg-81' });
  });

  it('says what the recording chose', () => {
    const recorded = recordedChoicesOf(f22a, catalog);
    const form = initialChoiceForm(f22a, catalog);
    expect(recordedValueText(form, recorded)).toBe('F119-PW-100');
    expect(recordedValueText({ ...form, kind: 'coating', coatingZone: 'inlets' }, recorded)).toBe('none');
    expect(recordedValueText({ ...form, kind: 'radar' }, recorded)).toBe('apg-77');
    expect(zonesOf(f22a)).toEqual(['wings', 'inlets']);
    expect(zonesOf(null)).toContain('engine_bay');
  });
});
