import { describe, expect, it } from 'vitest';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { SensorsOutputs } from '../../../shared/engine-outputs';
import { loadScenario } from '../calibration/scenarios';
import { MaterialsEngine } from '../materials/materials-engine';
import { shippedLibraries } from '../testing/run-engines';
import { SensorsEngine } from './sensors-engine';

const libraries = shippedLibraries();
const materials = new MaterialsEngine(libraries.materials);
const sensors = new SensorsEngine(libraries.sensors, libraries.aircraft.modules);
const scenario = (id: string): AircraftConfiguration => structuredClone(loadScenario(id));

function run(configuration: AircraftConfiguration, engine = sensors): SensorsOutputs {
  return engine.evaluate(configuration, { materials: materials.evaluate(configuration) });
}

describe('SensorsEngine', () => {
  it('puts the reference fighters in their published RCS classes', () => {
    const f22 = run(scenario('f22a')).frontalRcsDbsm;
    // The F-16's published class is for its air-to-air fit: no bombs or racks on the wings.
    const airToAir = scenario('f16c-block50');
    airToAir.modules = airToAir.modules.filter((module) => module.libraryId !== 'mk-83' && module.libraryId !== 'ter-9a');
    const f16 = run(airToAir).frontalRcsDbsm;
    // The Typhoon's: air-to-air fit (tanks off), RAM on the inlets, wing edges and nose.
    const typhoon = scenario('typhoon');
    typhoon.modules = typhoon.modules.filter((module) => !module.libraryId.startsWith('tank'));
    typhoon.coatings = [{ coatingId: 'ram_dielectric_foam', zones: ['inlets', 'wings', 'forward_fuselage'] }];
    expect(f22).toBeGreaterThan(-40);
    expect(f22).toBeLessThan(-30);
    expect(f16).toBeGreaterThan(0);
    expect(f16).toBeLessThan(5);
    expect(run(typhoon).frontalRcsDbsm).toBeGreaterThan(-5);
    expect(run(typhoon).frontalRcsDbsm).toBeLessThan(0);
  });

  it('reports the own radar ranges against the three reference targets', () => {
    const output = run(scenario('f22a'));
    expect(output.radarId).toBe('apg-77');
    expect(output.detectionRangeKm.rcs1m2).toBeGreaterThan(180);
    expect(output.detectionRangeKm.rcs1m2).toBeLessThan(240);
    expect(output.detectionRangeKm.rcs0_0001m2 / output.detectionRangeKm.rcs1m2).toBeCloseTo(0.1, 9);
  });

  it('reads the coatings from the materials outputs upstream', () => {
    const configuration = scenario('f22a');
    const upstream = { materials: materials.compute({ configuration, configVersion: 3, upstream: {} }) };
    expect(sensors.compute({ configuration, configVersion: 3, upstream })).toEqual(run(configuration));
    expect(() => sensors.compute({ configuration, configVersion: 3, upstream: {} })).toThrow(/no materials outputs upstream/);
  });

  it('lowers the RCS and the threat detection range when a coating is applied', () => {
    const bare = scenario('f22a');
    bare.coatings = [];
    const coated = run(scenario('f22a'));
    const uncoated = run(bare);
    expect(coated.frontalRcsDbsm).toBeLessThan(uncoated.frontalRcsDbsm - 5);
    const ratio = coated.detectedByThreatKm['fighter-x-band']! / uncoated.detectedByThreatKm['fighter-x-band']!;
    expect(ratio).toBeCloseTo(Math.pow(10, (coated.frontalRcsDbsm - uncoated.frontalRcsDbsm) / 40), 9);
  });

  it('sums mass, power and cooling of the installed sensors from the module library', () => {
    const output = run(scenario('typhoon'));
    // captor-e 235 kg / 12 kW / 11 kW + irst-pirate 60 kg / 1.5 kW / 1.5 kW
    expect(output.sensorMassKg).toBe(295);
    expect(output.powerDemandKW).toBeCloseTo(13.5, 12);
    expect(output.coolingDemandKW).toBeCloseTo(12.5, 12);
    expect(output.notes).toEqual([]);
  });

  it('estimates the loads from the transmitters without a module library, and says so', () => {
    const output = run(scenario('f22a'), new SensorsEngine(libraries.sensors));
    expect(output.loadSource).toBe('estimate');
    expect(output.powerDemandKW).toBeCloseTo(18, 9);
    expect(output.notes.join(' ')).toContain('no module library');
    expect(output.frontalRcsDbsm).toBeCloseTo(run(scenario('f22a')).frontalRcsDbsm, 9);
  });

  it('answers stealth and mission analyses with figures', () => {
    const configuration = scenario('f22a');
    const context = {
      configuration,
      configVersion: 1,
      upstream: { materials: materials.evaluate(configuration) },
      params: { opponentRcsM2: 5 },
      contributions: {}
    };
    const stealth = sensors.analyze({ ...context, analysisType: 'stealth_analysis' }) as { frontalRcsDbsm: number };
    expect(stealth.frontalRcsDbsm).toBeLessThan(-25);
    const mission = sensors.analyze({ ...context, analysisType: 'mission_analysis' }) as { firstLookAdvantageKm: number };
    expect(mission.firstLookAdvantageKm).toBeGreaterThan(100);
  });
});
