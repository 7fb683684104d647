import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../core/config/data-file';
import {
  defaultMaterialsLibraryPath,
  indexMaterialsLibrary,
  loadMaterialsLibrary
} from './library';

function writeVariant(edit: (text: string) => string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'materials-')), 'materials.yaml');
  writeFileSync(path, edit(readFileSync(defaultMaterialsLibraryPath(), 'utf8')));
  return path;
}

describe('materials library', () => {
  it('loads the repository file with the known ids', () => {
    const index = indexMaterialsLibrary(loadMaterialsLibrary());
    for (const id of [
      'al_7075',
      'al_2024',
      'ti_6al4v',
      'cfrp_im7_8552',
      'bmi_composite',
      'steel_300m'
    ]) {
      expect(index.materialById.has(id)).toBe(true);
    }
    for (const id of ['ram_iron_ball', 'ram_dielectric_foam', 'none']) {
      expect(index.coatingById.has(id)).toBe(true);
    }
    expect(index.reference.id).toBe('al_7075');
  });

  it('names the file and the path of a bad value', () => {
    const path = writeVariant((text) => text.replace('densityKgM3: 4430', 'densityKgM3: -4430'));
    expect(() => loadMaterialsLibrary(path)).toThrow(DataFileError);
    expect(() => loadMaterialsLibrary(path)).toThrow(`${path}: materials[3].densityKgM3`);
  });

  it('rejects a specific stiffness that is not E/ρ', () => {
    const path = writeVariant((text) => text.replace(
      'specificStiffnessMJKg: 38.2',
      'specificStiffnessMJKg: 60'
    ));
    expect(() => loadMaterialsLibrary(path)).toThrow('materials[4].specificStiffnessMJKg');
  });

  it('rejects a required process the material does not list', () => {
    const path = writeVariant((text) =>
      text.replace('requiredProcesses: [sheet_forming]', 'requiredProcesses: [laser_sintering]')
    );
    expect(() => loadMaterialsLibrary(path)).toThrow('materials[1].requiredProcesses[0]');
  });

  it('reports unparsable YAML with the file name', () => {
    const path = writeVariant((text) => `${text}\n  - [unclosed`);
    expect(() => loadMaterialsLibrary(path)).toThrow(`${path}: cannot parse`);
  });
});
