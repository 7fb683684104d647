import { describe, it, expect } from 'vitest';
import { fieldKeyOfFinding, groupFindingsByField, worstSeverity } from './finding-fields';
import { sampleConfiguration } from './configuration-fixture';

describe('fieldKeyOfFinding', () => {
  const config = sampleConfiguration();

  it.each([
    ['propulsion.engineModel', 'engine'],
    ['propulsion.count', 'engineCount'],
    ['materials.wings', 'material:wings'],
    ['coatings[0].coatingId', 'coating'],
    ['modules[1].attachmentPoint', 'module:radar'],
    ['modules[2]', 'module:icp'],
    ['modules[99].libraryId', 'general'],
    ['basePlatform.attachmentPoints[1].maxMassKg', 'attachment:nose'],
    ['basePlatform.powerGenerationKW', 'power'],
    ['basePlatform.coolingCapacityKW', 'cooling'],
    ['mission.payloadKg', 'mission'],
    ['name', 'general']
  ])('%s → %s', (path, key) => {
    expect(fieldKeyOfFinding(path, config)).toBe(key);
  });

  it('needs the configuration to name a module', () => {
    expect(fieldKeyOfFinding('modules[1].attachmentPoint', null)).toBe('general');
  });
});

describe('groupFindingsByField', () => {
  it('groups findings and reports the worst severity', () => {
    const grouped = groupFindingsByField(
      [
        { code: 'WRONG_ATTACHMENT_KIND', severity: 'error', message: 'no', path: 'modules[2].attachmentPoint' },
        { code: 'NOTE', severity: 'info', message: 'fyi', path: 'modules[2].quantity' },
        { code: 'UNKNOWN_LIBRARY_ID', severity: 'warning', message: 'x', path: 'propulsion.engineModel' }
      ],
      sampleConfiguration()
    );
    expect(Object.keys(grouped)).toEqual(['module:icp', 'engine']);
    expect(worstSeverity(grouped['module:icp'])).toBe('error');
    expect(worstSeverity(grouped.engine)).toBe('warning');
    expect(worstSeverity(undefined)).toBeNull();
  });
});
