import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../core/config/data-file';
import { defaultSensorsLibraryPath, loadSensorsLibrary } from './library';

function writeVariant(edit: (data: Record<string, unknown>) => void): string {
  const text = readFileSync(defaultSensorsLibraryPath(), 'utf8');
  const data = JSON.parse(text) as Record<string, unknown>;
  edit(data);
  const path = join(mkdtempSync(join(tmpdir(), 'sensors-')), 'sensors.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

describe('sensors library', () => {
  it('loads the repository file with the known sensors and threats', () => {
    const library = loadSensorsLibrary();
    expect(library.radars.map((radar) => radar.id)).toEqual([
      'apg-77',
      'apg-81',
      'apg-79',
      'apg-68v9',
      'captor-e'
    ]);
    expect(library.electroOptical.map((sensor) => sensor.id)).toEqual(['irst-pirate', 'eots']);
    expect(library.threatRadars.map((radar) => radar.band)).toContain('S');
  });

  it('names the file and the path of a bad value', () => {
    const path = writeVariant((data) => {
      (data.radars as { apertureM2: number }[])[2]!.apertureM2 = 0;
    });
    expect(() => loadSensorsLibrary(path)).toThrow(DataFileError);
    expect(() => loadSensorsLibrary(path)).toThrow(`${path}: radars[2].apertureM2`);
  });

  it('rejects an average power above the peak power', () => {
    const path = writeVariant((data) => {
      (data.threatRadars as { averagePowerW: number }[])[0]!.averagePowerW = 1e9;
    });
    expect(() => loadSensorsLibrary(path)).toThrow('threatRadars[0].averagePowerW');
  });

  it('rejects a duplicate id across lists', () => {
    const path = writeVariant((data) => {
      (data.threatRadars as { id: string }[])[1]!.id = 'apg-77';
    });
    expect(() => loadSensorsLibrary(path)).toThrow('threatRadars[1].id: duplicate id apg-77');
  });

  it('reports malformed JSON with the file name', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sensors-')), 'sensors.json');
    writeFileSync(path, '{ "version": 1,');
    expect(() => loadSensorsLibrary(path)).toThrow(`${path}: cannot parse`);
  });
});
