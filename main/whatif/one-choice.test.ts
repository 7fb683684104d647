import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlightdeckConfig } from '../core/config/flightdeck-config';
import { buildCatalog } from '../engines/session/catalog';
import { loadEngineLibraries } from '../engines/session/libraries';
import { ScenarioCatalog } from '../engines/session/scenarios';
import { applyChoice } from './one-choice';
import { resourcesDir } from './test-recording';

const catalog = buildCatalog(loadEngineLibraries(loadFlightdeckConfig(join(resourcesDir, 'flightdeck.yaml'))));
const f22a = new ScenarioCatalog(join(resourcesDir, 'scenarios')).load('f22a');
const original = structuredClone(f22a);

describe('applyChoice', () => {
  it('changes the engine model alone, leaving the configuration it was given as it was', () => {
    const { configuration, change } = applyChoice(f22a, { kind: 'engine_model', engineModel: 'F135-PW-100' }, catalog);

    expect(configuration).toEqual({ ...f22a, propulsion: { engineModel: 'F135-PW-100', count: 2 } });
    expect(change).toEqual({ path: 'propulsion.engineModel', before: 'F119-PW-100', after: 'F135-PW-100' });
    expect(f22a).toEqual(original);
  });

  it("changes one zone's material", () => {
    const { configuration, change } = applyChoice(f22a, { kind: 'material', zone: 'wings', materialId: 'al_7075' }, catalog);

    expect(configuration.materials).toEqual({ ...f22a.materials, wings: 'al_7075' });
    expect(change).toEqual({ path: 'materials.wings', before: 'bmi_composite', after: 'al_7075' });
  });

  it("changes one zone's coating, taking the zone out of the coating it had", () => {
    const { configuration, change } = applyChoice(f22a, { kind: 'coating', zone: 'wings', coatingId: 'ram_dielectric_foam' }, catalog);

    expect(configuration.coatings).toEqual([
      { coatingId: 'ram_iron_ball', zones: ['forward_fuselage', 'center_fuselage', 'aft_fuselage', 'empennage', 'inlets'] },
      { coatingId: 'ram_dielectric_foam', zones: ['wings'] }
    ]);
    expect(change).toEqual({ path: 'coatings.wings', before: 'ram_iron_ball', after: 'ram_dielectric_foam' });
    expect(applyChoice(f22a, { kind: 'coating', zone: 'engine_bay', coatingId: 'ram_iron_ball' }, catalog).configuration.coatings).toEqual([
      { coatingId: 'ram_iron_ball', zones: [...(f22a.coatings[0]?.zones ?? []), 'engine_bay'] }
    ]);
  });

  it('without a zone, recoats every coated zone', () => {
    const { configuration, change } = applyChoice(f22a, { kind: 'coating', coatingId: 'ram_dielectric_foam' }, catalog);

    expect(configuration.coatings).toEqual([{ coatingId: 'ram_dielectric_foam', zones: f22a.coatings[0]?.zones }]);
    expect(change.path).toBe('coatings');
  });

  it('replaces the mounted radar', () => {
    const { configuration, change } = applyChoice(f22a, { kind: 'radar', radarId: 'apg-81' }, catalog);

    expect(configuration.modules.find((m) => m.instanceId === 'radar')?.libraryId).toBe('apg-81');
    expect(configuration.modules.filter((m, i) => m !== f22a.modules[i]).map((m) => m.instanceId)).toEqual(['radar']);
    expect(change).toEqual({ path: 'modules.radar.libraryId', before: 'apg-77', after: 'apg-81' });
  });

  it.each([
    [{ kind: 'engine_model', engineModel: 'J79-GE-17' }, /^unknown engine model "J79-GE-17"; known: F119-PW-100, F135-PW-100, /],
    [{ kind: 'material', zone: 'wings', materialId: 'unobtainium' }, /^unknown material "unobtainium"; known: al_7075, .*ti_6al4v/],
    [{ kind: 'material', zone: 'nose_cone', materialId: 'al_7075' }, /^unknown zone "nose_cone"; zones: forward_fuselage, center_fuselage, .*engine_bay$/],
    [{ kind: 'coating', zone: 'nose_cone', coatingId: 'none' }, /^unknown zone "nose_cone"; zones: /],
    [{ kind: 'coating', coatingId: 'paint' }, /^unknown coating "paint"; known: none, ram_iron_ball/],
    [{ kind: 'radar', radarId: 'apg-1' }, /^unknown radar "apg-1"; known: apg-77, apg-81/]
  ] as const)('refuses %j, naming it and listing what is known', (choice, message) => {
    expect(() => applyChoice(f22a, choice, catalog)).toThrow(message);
  });

  it('refuses a radar choice for an aircraft that mounts none', () => {
    const noRadar = { ...f22a, modules: f22a.modules.filter((m) => m.instanceId !== 'radar') };

    expect(() => applyChoice(noRadar, { kind: 'radar', radarId: 'apg-81' }, catalog)).toThrow(/^the configuration mounts no radar to replace; radars: apg-77, /);
  });
});
