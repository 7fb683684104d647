import { describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import { loadScenario } from '../calibration/scenarios';
import { shippedLibraries } from '../testing/run-engines';
import { checkConfiguration } from './validate-configuration';

const libraries = shippedLibraries();
const f22 = (): AircraftConfiguration => structuredClone(loadScenario('f22a'));

/** The error findings of a check as `path: message`. */
function errors(raw: unknown): string[] {
  return checkConfiguration(raw, libraries)
    .findings.filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.path}: ${finding.message}`);
}

describe('checkConfiguration', () => {
  it('accepts the four scenarios with their findings', () => {
    for (const id of ['f16c-block50', 'f22a', 'typhoon', 'fa18e']) {
      const check = checkConfiguration(loadScenario(id), libraries);
      expect(check.ok, id).toBe(true);
      expect(check.findings.every((finding) => finding.severity !== 'error')).toBe(true);
    }
  });

  it.each([
    ['basePlatform.emptyMassKg', 1e308, 'emptyMassKg must be a number from 100 to 500,000 kg'],
    ['basePlatform.wingAreaM2', 5e-324, 'wingAreaM2 must be a number from 1 to 2,000 m²'],
    ['basePlatform.sweepDeg', 85, 'sweepDeg must be a number from 0 to 80 °'],
    ['mission.combatRadiusKm', -1, 'combatRadiusKm must be a number from 0 to 20,000 km'],
    ['basePlatform.lengthM', '18.9', 'lengthM must be a number from 1 to 150 m']
  ])('refuses %s = %s, naming the field and its range', (path, value, message) => {
    const config = f22() as unknown as Record<string, Record<string, unknown>>;
    const [section = '', field = ''] = path.split('.');
    (config[section] as Record<string, unknown>)[field] = value;
    const check = checkConfiguration(config, libraries);
    expect(check.ok).toBe(false);
    expect(errors(config)).toEqual([`${path}: ${message}`]);
  });

  it('refuses fuel above the maximum take-off mass and a station behind the tail', () => {
    const config = f22();
    config.basePlatform.internalFuelKg = config.basePlatform.maxTakeoffMassKg + 1;
    const station = config.basePlatform.attachmentPoints[0];
    if (station) station.stationM = config.basePlatform.lengthM + 0.5;
    expect(errors(config)).toEqual([
      'basePlatform.internalFuelKg: internalFuelKg must be from 0 kg to maxTakeoffMassKg (38,000 kg)',
      'basePlatform.attachmentPoints[0].stationM: stationM must be from 0 m to lengthM (18.92 m)'
    ]);
  });

  it('refuses a configuration that carries a version (the coordinator numbers versions)', () => {
    expect(errors({ ...f22(), version: 3 })).toEqual(['(root): Unrecognized key: "version"']);
  });

  it('refuses unknown library ids and impossible mounting, and applies broken budgets as warnings', () => {
    const unknown = f22();
    unknown.propulsion.engineModel = 'J79-GE-17';
    unknown.modules.push({ instanceId: 'radar', libraryId: 'apg-81', attachmentPoint: 'main-bay' });
    const last = `modules[${unknown.modules.length - 1}]`;
    const radar = libraries.aircraft.moduleById.get('apg-81')?.name;
    expect(errors(unknown)).toEqual([
      'propulsion.engineModel: unknown engine model "J79-GE-17"',
      `${last}.instanceId: instance id radar is used twice`,
      `${last}.attachmentPoint: ${radar} cannot be mounted on a internal_bay (allowed: nose)`
    ]);
    const overBudget = f22();
    overBudget.basePlatform.powerGenerationKW = 10;
    const check = checkConfiguration(overBudget, libraries);
    expect(check.ok).toBe(true);
    expect(check.findings).toContainEqual(expect.objectContaining({ code: 'POWER_BUDGET_EXCEEDED', severity: 'warning' }));
  });
});
