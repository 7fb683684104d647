import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../shared/aircraft';
import { formatIssuePath } from '../../core/config/data-file';
import { evaluateDesign } from '../design/evaluate';
import { loadScenario } from '../calibration/scenarios';
import { shippedLibraries } from '../testing/run-engines';
import { checkConfiguration, type ConfigurationCheck } from './validate-configuration';

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

/** The check as the runtime parser gives it (what `checkConfiguration` did before the schema was compiled). */
function runtimeCheck(raw: unknown): ConfigurationCheck {
  const parsed = AircraftConfigurationSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      findings: parsed.error.issues.map((issue) => ({ code: 'SCHEMA_INVALID', severity: 'error', path: formatIssuePath(issue.path), message: issue.message }))
    };
  }
  const { valid, findings } = evaluateDesign(parsed.data, libraries.aircraft);
  return valid ? { ok: true, configuration: parsed.data, findings } : { ok: false, findings };
}

type Path = (string | number)[];

/** Every place in a configuration: each object and array, and each value in them (a cycle is walked once). */
function placesIn(value: unknown, path: Path = [], out: Path[] = [], seen = new Set<object>()): Path[] {
  out.push(path);
  if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    for (const [key, child] of Object.entries(value)) placesIn(child, [...path, Array.isArray(value) ? Number(key) : key], out, seen);
  }
  return out;
}

/** Values a client could send in any place: in and out of range, of every type, and names the schema knows. */
const anyValue = fc.constantFrom<unknown>(
  Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 0.005, 0.5, 1, 2.5, 4, 5e-324, 80.0001, 100, 150, 2000, 500_000, 500_001, 1e308,
  '', 'x', 'x'.repeat(129), '18.9', 'f22a', 'F135-PW-100', 'forward_fuselage', 'hardpoint', 'caret', 'hi-lo-hi', 'dry', 'usaf',
  null, undefined, true, false, [], {}, [1, 'a'], { id: 'a', kind: 'nose', maxMassKg: 10 }
);

const mutation = fc.record({ place: fc.nat(), kind: fc.constantFrom('set', 'delete', 'add'), value: anyValue });

/** `raw` with one place set, deleted or given an extra key (or item). */
function mutate(raw: unknown, change: { place: number; kind: 'set' | 'delete' | 'add'; value: unknown }): unknown {
  const places = placesIn(raw);
  const path = places[change.place % places.length] as Path;
  if (path.length === 0) return change.kind === 'set' ? change.value : raw;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], raw) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (change.kind === 'set') parent[key] = change.value;
  else if (change.kind === 'delete') delete parent[key];
  else if (Array.isArray(parent)) parent.push(change.value);
  else parent['extra'] = change.value;
  return raw;
}

describe('checkConfiguration with the compiled schema', () => {
  it('(property) gives what the runtime parser gives, refusals and their messages included, for any change to a scenario', () => {
    const scenarios = ['f16c-block50', 'f22a', 'typhoon', 'fa18e'].map((id) => loadScenario(id));
    fc.assert(
      fc.property(fc.nat({ max: scenarios.length - 1 }), fc.array(mutation, { maxLength: 4 }), (scenario, changes) => {
        let raw: unknown = structuredClone(scenarios[scenario]);
        for (const change of changes) raw = mutate(raw, change);
        const compiled = checkConfiguration(raw, libraries);
        const runtime = runtimeCheck(raw);
        expect(compiled).toStrictEqual(runtime);
        // Key order too: the configuration goes into the log as JSON.
        expect(JSON.stringify(compiled)).toBe(JSON.stringify(runtime));
      }),
      { numRuns: 600 }
    );
  });
});
