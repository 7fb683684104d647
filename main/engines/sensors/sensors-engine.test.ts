import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import { ModuleLibrarySchema } from '../../../shared/library/modules';
import type { EngineData } from '../../core/engine';
import { loadMaterialsLibrary } from '../materials/library';
import { MaterialsEngine } from '../materials/materials-engine';
import {
  f16LikeConfiguration,
  f22LikeConfiguration,
  typhoonLikeConfiguration
} from '../materials/test-configurations';
import { loadSensorsLibrary } from './library';
import { SensorsEngine } from './sensors-engine';

const modulesPath = fileURLToPath(new URL('../../../resources/data/modules.json', import.meta.url));
const modules = ModuleLibrarySchema.parse(JSON.parse(readFileSync(modulesPath, 'utf8')));
const materialsLibrary = loadMaterialsLibrary();
const materials = new MaterialsEngine(materialsLibrary);
const sensors = new SensorsEngine(loadSensorsLibrary(), { modules });

type Output = {
  frontalRcsDbsm: number;
  detectionRangeKm: { rcs1m2: number; rcs0_1m2: number; rcs0_0001m2: number };
  detectedByThreatKm: Record<string, number>;
  powerDemandKW: number;
  coolingDemandKW: number;
  sensorMassKg: number;
  radarId: string | null;
  notes: string[];
  configVersion: number;
};

function run(configuration: AircraftConfiguration, engine = sensors): Output {
  const upstream: Record<string, EngineData> = {
    materials: materials.compute({ configuration, configVersion: 3, upstream: {} })
  };
  return engine.compute({ configuration, configVersion: 3, upstream }) as Output;
}

describe('SensorsEngine', () => {
  it('puts the three reference fighters in their published RCS classes', () => {
    const f22 = run(f22LikeConfiguration()).frontalRcsDbsm;
    const f16 = run(f16LikeConfiguration()).frontalRcsDbsm;
    const typhoon = run(typhoonLikeConfiguration()).frontalRcsDbsm;
    expect(f22).toBeGreaterThan(-40);
    expect(f22).toBeLessThan(-30);
    expect(f16).toBeGreaterThan(0);
    expect(f16).toBeLessThan(5);
    expect(typhoon).toBeGreaterThan(-5);
    expect(typhoon).toBeLessThan(0);
  });

  it('reports the own radar ranges against the three reference targets', () => {
    const output = run(f22LikeConfiguration());
    expect(output.configVersion).toBe(3);
    expect(output.radarId).toBe('apg-77');
    expect(output.detectionRangeKm.rcs1m2).toBeGreaterThan(180);
    expect(output.detectionRangeKm.rcs1m2).toBeLessThan(240);
    expect(output.detectionRangeKm.rcs0_0001m2 / output.detectionRangeKm.rcs1m2).toBeCloseTo(
      0.1,
      9
    );
  });

  it('lowers the RCS and the threat detection range when a coating is applied', () => {
    const bare = f22LikeConfiguration();
    bare.coatings = [];
    const coated = run(f22LikeConfiguration());
    const uncoated = run(bare);
    expect(coated.frontalRcsDbsm).toBeLessThan(uncoated.frontalRcsDbsm - 5);
    const ratio =
      coated.detectedByThreatKm['fighter-x-band']! / uncoated.detectedByThreatKm['fighter-x-band']!;
    expect(ratio).toBeCloseTo(
      Math.pow(10, (coated.frontalRcsDbsm - uncoated.frontalRcsDbsm) / 40),
      9
    );
  });

  it('sums mass, power and cooling of the installed sensors from the module library', () => {
    const output = run(typhoonLikeConfiguration());
    // captor-e 235 kg / 12 kW / 11 kW + irst-pirate 60 kg / 1.5 kW / 1.5 kW
    expect(output.sensorMassKg).toBe(295);
    expect(output.powerDemandKW).toBeCloseTo(13.5, 12);
    expect(output.coolingDemandKW).toBeCloseTo(12.5, 12);
  });

  it('estimates loads and reads coatings itself when libraries or upstream are missing', () => {
    const engine = new SensorsEngine(loadSensorsLibrary(), { materials: materialsLibrary });
    const configuration = f22LikeConfiguration();
    const output = engine.compute({ configuration, configVersion: 1, upstream: {} }) as Output;
    expect(output.powerDemandKW).toBeCloseTo(18, 9);
    expect(output.notes.join(' ')).toContain('materials output absent');
    expect(output.frontalRcsDbsm).toBeCloseTo(run(configuration).frontalRcsDbsm, 9);
  });

  it('answers stealth and mission analyses with figures', () => {
    const context = {
      configuration: f22LikeConfiguration(),
      configVersion: 1,
      upstream: {},
      params: { opponentRcsM2: 5 },
      contributions: {}
    };
    const stealth = sensors.analyze({ ...context, analysisType: 'stealth_analysis' }) as {
      frontalRcsDbsm: number;
    };
    expect(stealth.frontalRcsDbsm).toBeGreaterThan(-25);
    const mission = sensors.analyze({ ...context, analysisType: 'mission_analysis' }) as {
      firstLookAdvantageKm: number;
    };
    expect(mission.firstLookAdvantageKm).toBeGreaterThan(100);
  });
});
