import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../core/config/data-file';
import { defaultManufacturingLibraryPath, loadManufacturingLibrary } from './library';

function writeVariant(edit: (data: Record<string, unknown>) => void): string {
  const text = readFileSync(defaultManufacturingLibraryPath(), 'utf8');
  const data = JSON.parse(text) as Record<string, unknown>;
  edit(data);
  const path = join(mkdtempSync(join(tmpdir(), 'manufacturing-')), 'manufacturing.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

describe('manufacturing library', () => {
  it('loads the repository file with its cost basis and processes', () => {
    const library = loadManufacturingLibrary();
    expect(library.costBasis.baseYear).toBe(2012);
    expect(library.materialFactors.aluminium).toBe(1);
    expect(library.processes.map((process) => process.id)).toContain('autoclave_cure');
  });

  it('names the file and the path of a bad value', () => {
    const path = writeVariant((data) => {
      (data.processes as { hoursPerKg: Record<string, number> }[])[3]!.hoursPerKg.titanium = -1;
    });
    expect(() => loadManufacturingLibrary(path)).toThrow(DataFileError);
    const where = `${path}: processes[3].hoursPerKg.titanium`;
    expect(() => loadManufacturingLibrary(path)).toThrow(where);
  });

  it('rejects a learning-curve slope above 1', () => {
    const path = writeVariant((data) => {
      (data.learningCurve as { slope: number }).slope = 1.2;
    });
    expect(() => loadManufacturingLibrary(path)).toThrow('learningCurve.slope');
  });

  it('rejects a missing coefficient', () => {
    const path = writeVariant((data) => {
      delete (data.dapca as { toolingHours?: unknown }).toolingHours;
    });
    expect(() => loadManufacturingLibrary(path)).toThrow('dapca.toolingHours');
  });
});
