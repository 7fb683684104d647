import { describe, it, expect } from 'vitest';
import { addModule, draftChanges, nextInstanceId, radarModuleIndex, removeModule, setCoating, setEngineModel, setRadar, setZoneMaterial } from './draft-edits';
import { SAMPLE_LIBRARY_MODULES, sampleConfiguration } from './configuration-fixture';

describe('draft edits', () => {
  it('swaps the engine model without touching the input', () => {
    const config = sampleConfiguration();
    const next = setEngineModel(config, 'F135-PW-100');
    expect(next.propulsion).toEqual({ engineModel: 'F135-PW-100', count: 2 });
    expect(config.propulsion.engineModel).toBe('F119-PW-100');
  });

  it('assigns a material per zone and a coating over the coated zones', () => {
    const next = setCoating(setZoneMaterial(sampleConfiguration(), 'wings', 'al_7075'), 'ram_dielectric_foam');
    expect(next.materials.wings).toBe('al_7075');
    expect(next.coatings).toEqual([
      { coatingId: 'ram_dielectric_foam', zones: ['forward_fuselage', 'center_fuselage', 'aft_fuselage', 'wings', 'empennage', 'inlets'] }
    ]);
  });

  it('replaces the radar module library id in place', () => {
    const config = sampleConfiguration();
    expect(radarModuleIndex(config, SAMPLE_LIBRARY_MODULES)).toBe(1);
    const next = setRadar(config, 'apg-81', SAMPLE_LIBRARY_MODULES);
    expect(next.modules[1]).toEqual({ instanceId: 'radar', libraryId: 'apg-81', attachmentPoint: 'nose' });
    expect(next.modules).toHaveLength(config.modules.length);
  });

  it('mounts a radar on the nose when there is none', () => {
    const config = removeModule(sampleConfiguration(), 'radar');
    const next = setRadar(config, 'apg-81', SAMPLE_LIBRARY_MODULES);
    expect(next.modules.at(-1)).toEqual({ instanceId: 'apg-81', libraryId: 'apg-81', attachmentPoint: 'nose' });
  });

  it('adds modules with unique instance ids and removes them', () => {
    let config = addModule(sampleConfiguration(), { libraryId: 'ecm-internal', attachmentPoint: 'avionics', quantity: 3 });
    config = addModule(config, { libraryId: 'ecm-internal', attachmentPoint: 'avionics', quantity: 1 });
    expect(config.modules.slice(-2)).toEqual([
      { instanceId: 'ecm-internal', libraryId: 'ecm-internal', attachmentPoint: 'avionics', quantity: 3 },
      { instanceId: 'ecm-internal-2', libraryId: 'ecm-internal', attachmentPoint: 'avionics' }
    ]);
    expect(nextInstanceId(config, 'ecm-internal')).toBe('ecm-internal-3');
    expect(removeModule(config, 'ecm-internal').modules.map((m) => m.instanceId).slice(-2)).toEqual(['aim9-r', 'ecm-internal-2']);
  });

  it('lists what a draft changes', () => {
    const current = sampleConfiguration();
    const draft = removeModule(addModule(setEngineModel(current, 'F135-PW-100'), { libraryId: 'ecm-internal', attachmentPoint: 'avionics', quantity: 1 }), 'icp');
    expect(draftChanges(current, draft)).toEqual(['engine → F135-PW-100', '+ ecm-internal on avionics', '− icp']);
    expect(draftChanges(current, current)).toEqual([]);
  });
});
