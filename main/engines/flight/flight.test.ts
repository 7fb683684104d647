import { describe, it, expect } from 'vitest';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { MachLimit } from '../../../shared/engine-outputs';
import { loadScenario } from '../calibration/scenarios';
import { loadAircraftLibrary } from '../design/library';
import { computeMassProperties } from '../design/mass-properties';
import type { ThrottleSetting } from '../propulsion/thrust';
import { combatRadius } from './combat-radius';
import { maxLevelMach, serviceCeilingM, supercruiseMach, type SpeedResult } from './envelope';
import { buildFlightModel, computeFlightFigures } from './flight-figures';
import {
  engineTemperatureMachLimit,
  levelFlightDragN,
  machLimitAt,
  machLimitedBy,
  thrustAvailableN,
  type FlightModel
} from './flight-model';
import { defaultRadiusMissionKind, resolveRadiusMission } from './radius-mission';

const library = loadAircraftLibrary();
const scenario = (id: string): AircraftConfiguration => structuredClone(loadScenario(id));

describe('flight envelope', () => {
  it('finds max Mach where thrust meets drag, or a named limit', () => {
    const config = scenario('fa18e');
    const mass = computeMassProperties(config, library);
    const model = buildFlightModel(config, library, mass);
    const result = maxLevelMach(model, mass.loadedMassKg);
    expect(result.mach).toBeGreaterThan(1.5);
    if (result.limitedBy === 'thrust') {
      const excess = thrustAvailableN(model, result.mach, result.altitudeM, 'wet') - levelFlightDragN(model, result.mach, result.altitudeM, mass.loadedMassKg);
      expect(Math.abs(excess)).toBeLessThan(0.03 * levelFlightDragN(model, result.mach, result.altitudeM, mass.loadedMassKg));
    }
  });

  it('caps max Mach by a lower structural limit from materials', () => {
    const config = scenario('f22a');
    const mass = computeMassProperties(config, library);
    const capped = computeFlightFigures(config, library, mass, { structuralMaxMach: 1.6 });
    expect(capped.maxMach.mach).toBeCloseTo(1.6, 6);
    expect(capped.maxMach.limitedBy).toBe('structure');
    expect(capped.structuralMaxMachSource).toBe('materials');
  });

  it('derives the engine-temperature Mach limit from the compressor-face temperature', () => {
    const config = scenario('f16c-block50');
    const mass = computeMassProperties(config, library);
    const model = buildFlightModel(config, library, mass);
    // T_t2 = 216.65·(1 + 0.2M²) = 400 K ⇒ M = 2.06
    expect(engineTemperatureMachLimit(model, 12_000)).toBeCloseTo(2.058, 2);
  });

  it('lowers the service ceiling when the aircraft is heavier', () => {
    const config = scenario('typhoon');
    const mass = computeMassProperties(config, library);
    const model = buildFlightModel(config, library, mass);
    const light = serviceCeilingM(model, 14_000, 'dry', 0.5, 25_000);
    const heavy = serviceCeilingM(model, 20_000, 'dry', 0.5, 25_000);
    expect(heavy).toBeLessThan(light);
  });

  it('finds no supercruise without dry thrust (ramjet)', () => {
    const config = scenario('fa18e');
    config.propulsion = { engineModel: 'RAMJET-CONCEPT', count: 2 };
    const figures = computeFlightFigures(config, library, computeMassProperties(config, library));
    expect(figures.supercruise.mach).toBe(0);
  });
});

/**
 * The envelope search as it was written before the downward scan: every altitude, the whole
 * Mach grid scanned upward from `fromMach`, bisection on each thrust = drag crossing. The
 * downward scan must find exactly the same top speed, altitude and limit.
 */
function upwardScan(model: FlightModel, massKg: number, setting: ThrottleSetting, fromMach: number): SpeedResult {
  const excess = (mach: number, altitudeM: number): number =>
    thrustAvailableN(model, mach, altitudeM, setting) - levelFlightDragN(model, mach, altitudeM, massKg);
  let result: SpeedResult = { mach: 0, altitudeM: 0, limitedBy: 'thrust' };
  for (let altitudeM = 0; altitudeM <= 20_000; altitudeM += 2000) {
    const limitMach = machLimitAt(model, altitudeM);
    let best = 0;
    let limitedBy: MachLimit = 'thrust';
    let previousOk = false;
    let previousMach = fromMach;
    for (let step = 0; fromMach + step * 0.1 <= limitMach + 0.1; step += 1) {
      const mach = Math.min(fromMach + step * 0.1, limitMach);
      const ok = excess(mach, altitudeM) >= 0;
      if (ok) {
        best = mach;
        limitedBy = mach >= limitMach ? machLimitedBy(model, altitudeM) : 'thrust';
      } else if (previousOk) {
        let low = previousMach;
        let high = mach;
        for (let i = 0; i < 8; i += 1) {
          const mid = 0.5 * (low + high);
          if (excess(mid, altitudeM) >= 0) low = mid;
          else high = mid;
        }
        best = low;
        limitedBy = 'thrust';
      }
      previousOk = ok;
      previousMach = mach;
      if (mach >= limitMach) break;
    }
    if (best > result.mach) result = { mach: best, altitudeM, limitedBy };
  }
  return result;
}

describe('envelope search', () => {
  it.each(['f16c-block50', 'f22a', 'typhoon', 'fa18e'])('finds exactly the crossings of a full upward scan for %s', (id) => {
    const config = scenario(id);
    const mass = computeMassProperties(config, library);
    for (const structuralMaxMach of [undefined, 1.6, 2.05]) {
      const model = buildFlightModel(config, library, mass, { structuralMaxMach });
      for (const massKg of [0.7 * mass.loadedMassKg, mass.loadedMassKg, mass.takeoffMassKg, 1.6 * mass.takeoffMassKg]) {
        expect(maxLevelMach(model, massKg)).toEqual(upwardScan(model, massKg, 'wet', 0.3));
        const dry = upwardScan(model, massKg, 'dry', 1.0);
        expect(supercruiseMach(model, massKg)).toEqual(dry.mach > 1 ? dry : { mach: 0, altitudeM: 0, limitedBy: 'thrust' });
      }
    }
  });
});

describe('combat radius', () => {
  const generic = (payloadKg: number, type: 'multirole' | 'strike' | 'air_superiority' = 'multirole') => ({ type, payloadKg });

  it('grows with external fuel and shrinks with mission payload', () => {
    const config = scenario('f16c-block50');
    const mass = computeMassProperties(config, library);
    const model = buildFlightModel(config, library, mass);
    const base = combatRadius(model, mass, library.cfd, generic(0)).radiusKm;
    const moreBombs = combatRadius(model, mass, library.cfd, generic(mass.expendableMassKg + 2000)).radiusKm;
    expect(moreBombs).toBeLessThan(base);
    const unarmed = scenario('f16c-block50');
    unarmed.modules = unarmed.modules.filter((module) => module.libraryId !== 'mk-83' && module.libraryId !== 'ter-9a');
    const unarmedMass = computeMassProperties(unarmed, library);
    const unarmedModel = buildFlightModel(unarmed, library, unarmedMass);
    expect(unarmedMass.loadedMassKg).toBeCloseTo(mass.loadedMassKg, 6);
    expect(combatRadius(unarmedModel, unarmedMass, library.cfd, generic(0)).radiusKm).toBeGreaterThan(base);
    const noTanks = scenario('f16c-block50');
    noTanks.modules = noTanks.modules.filter((module) => !module.libraryId.startsWith('tank'));
    const cleanMass = computeMassProperties(noTanks, library);
    const clean = combatRadius(buildFlightModel(noTanks, library, cleanMass), cleanMass, library.cfd, generic(0)).radiusKm;
    expect(clean).toBeLessThan(base);
  });

  it('flies the strike mission by default only for strike/multirole designs carrying air-to-ground stores', () => {
    const strike = scenario('fa18e');
    const strikeMass = computeMassProperties(strike, library);
    expect(defaultRadiusMissionKind(library.cfd, generic(strike.mission.payloadKg, 'strike'), strikeMass)).toBe('hi-lo-lo-hi');
    expect(defaultRadiusMissionKind(library.cfd, generic(strike.mission.payloadKg, 'air_superiority'), strikeMass)).toBe('hi-hi-hi');
    const fighter = scenario('f22a');
    const fighterMass = computeMassProperties(fighter, library);
    expect(defaultRadiusMissionKind(library.cfd, generic(fighter.mission.payloadKg), fighterMass)).toBe('hi-hi-hi');
    const model = buildFlightModel(strike, library, strikeMass);
    const lowLevel = combatRadius(model, strikeMass, library.cfd, generic(strike.mission.payloadKg, 'strike'));
    const highOnly = combatRadius(model, strikeMass, library.cfd, generic(strike.mission.payloadKg, 'air_superiority'));
    expect(lowLevel.mission.kind).toBe('hi-lo-lo-hi');
    expect(lowLevel.radiusKm).toBeLessThan(highOnly.radiusKm);
  });

  it('takes the published mission definition from mission.profile, the rest from the kind standard', () => {
    const config = scenario('f22a');
    const mass = computeMassProperties(config, library);
    const resolved = resolveRadiusMission(library.cfd, config.mission, mass);
    expect(resolved).toMatchObject({ kind: 'hi-hi-hi', supercruiseKmEachWay: 185, reserve: 'usaf', fromProfile: true });
    expect(resolved.combatMinutes).toBe(library.cfd.mission.kinds['hi-hi-hi']?.combatMinutes);
    const model = buildFlightModel(config, library, mass);
    const withDash = combatRadius(model, mass, library.cfd, config.mission);
    const subsonic = combatRadius(model, mass, library.cfd, { ...config.mission, profile: { kind: 'hi-hi-hi' } });
    expect(withDash.fuelKg.outboundSupercruise).toBeGreaterThan(0);
    expect(withDash.radiusKm).toBeLessThan(subsonic.radiusKm);
  });

  it('carries tanks home by default and drops them when empty only when the profile says so', () => {
    const config = scenario('fa18e');
    const mass = computeMassProperties(config, library);
    const model = buildFlightModel(config, library, mass);
    const profile = config.mission.profile ?? { kind: 'hi-lo-lo-hi' as const };
    for (const reserve of ['navy', 'usaf'] as const) {
      const kept = combatRadius(model, mass, library.cfd, { ...config.mission, profile: { ...profile, reserve } });
      const dropped = combatRadius(model, mass, library.cfd, { ...config.mission, profile: { ...profile, reserve, tanksDroppedWhenEmpty: true } });
      expect(kept.mission.tanksDroppedWhenEmpty).toBe(false);
      expect(dropped.mission.tanksDroppedWhenEmpty).toBe(true);
      expect(dropped.tanksEmptyAtKm).toBeGreaterThan(0);
      expect(kept.radiusKm).toBeLessThan(dropped.radiusKm);
    }
  });

  it('burns fuel on station for a loiter, and the radius shrinks with it', () => {
    const config = scenario('typhoon');
    const mass = computeMassProperties(config, library);
    const model = buildFlightModel(config, library, mass);
    const profile = config.mission.profile ?? { kind: 'hi-hi-hi' as const };
    const none = combatRadius(model, mass, library.cfd, { ...config.mission, profile: { ...profile, loiterMinutes: 0 } });
    const ten = combatRadius(model, mass, library.cfd, { ...config.mission, profile: { ...profile, loiterMinutes: 10 } });
    const twenty = combatRadius(model, mass, library.cfd, { ...config.mission, profile: { ...profile, loiterMinutes: 20 } });
    expect(none.fuelKg.onStation).toBe(0);
    expect(ten.fuelKg.onStation).toBeGreaterThan(0);
    expect(twenty.fuelKg.onStation).toBeGreaterThan(ten.fuelKg.onStation);
    expect(ten.radiusKm).toBeLessThan(none.radiusKm);
    expect(twenty.radiusKm).toBeLessThan(ten.radiusKm);
  });

  it('accounts for every kilogram of fuel', () => {
    for (const id of ['typhoon', 'f22a', 'fa18e']) {
      const config = scenario(id);
      const mass = computeMassProperties(config, library);
      const result = combatRadius(buildFlightModel(config, library, mass), mass, library.cfd, config.mission);
      const { total, ...segments } = result.fuelKg;
      const used = Object.values(segments).reduce((sum, value) => sum + value, 0);
      expect(used).toBeCloseTo(total, 3);
      expect(segments.left).toBeGreaterThanOrEqual(0);
    }
  });
});
