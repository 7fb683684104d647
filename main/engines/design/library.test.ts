import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError } from '../../core/config/data-file';
import { defaultLibraryPaths, loadAircraftLibrary } from './library';

describe('loadAircraftLibrary', () => {
  it('loads the shipped modules, engines and cfd model', () => {
    const library = loadAircraftLibrary();
    for (const id of ['apg-77', 'apg-81', 'apg-68v9', 'apg-79', 'captor-e', 'irst-pirate', 'eots']) {
      expect(library.moduleById.get(id)?.category).toBe('sensor');
    }
    for (const id of ['F119-PW-100', 'F135-PW-100', 'F110-GE-129', 'F414-GE-400', 'EJ200']) {
      expect(library.engineById.get(id)?.type).toBe('low_bypass_turbofan');
    }
    expect(library.engines.engines.some((engine) => engine.type === 'ramjet')).toBe(true);
    expect(library.engines.engines.some((engine) => engine.type === 'variable_cycle')).toBe(true);
    expect(library.cfd.inlets.pitot.recoveryModel).toBe('normal_shock');
  });

  it('names the file and the path inside it when a file is broken', () => {
    const paths = defaultLibraryPaths();
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-lib-'));
    const brokenEngines = join(dir, 'engines.yaml');
    const text = readFileSync(paths.enginesPath, 'utf8').replace('wetThrustKN: 131.0', 'wetThrustKN: -5');
    writeFileSync(brokenEngines, text);
    const load = (): unknown => loadAircraftLibrary({ ...paths, enginesPath: brokenEngines });
    expect(load).toThrow(DataFileError);
    expect(load).toThrow(/engines\.yaml: engines\[2\]\.wetThrustKN/);
  });

  it('rejects a module with an unknown category', () => {
    const paths = defaultLibraryPaths();
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-lib-'));
    const broken = join(dir, 'modules.json');
    const data = JSON.parse(readFileSync(paths.modulesPath, 'utf8')) as { modules: { category: string }[] };
    const first = data.modules[1];
    if (first) first.category = 'teleporter';
    writeFileSync(broken, JSON.stringify(data));
    expect(() => loadAircraftLibrary({ ...paths, modulesPath: broken })).toThrow(
      /modules\.json: modules\[1\]\.category/
    );
  });
});
