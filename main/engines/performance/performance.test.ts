import { describe, it, expect } from 'vitest';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import { loadScenario } from '../calibration/scenarios';
import { loadAircraftLibrary } from '../design/library';
import { computeMassProperties } from '../design/mass-properties';
import { buildPerformanceModel, computeAircraftPerformance } from './aircraft-performance';
import { combatRadius } from './combat-radius';
import { defaultRadiusMissionKind, resolveRadiusMission } from './radius-mission';
import { maxLevelMach, serviceCeilingM } from './envelope';
import { evaluateDesignFast } from './fast-evaluation';
import { engineTemperatureMachLimit, levelFlightDragN, thrustAvailableN } from './performance-model';

const library = loadAircraftLibrary();
const scenario = (id: string): AircraftConfiguration => structuredClone(loadScenario(id));

describe('flight envelope', () => {
  it('finds max Mach where thrust meets drag, or a named limit', () => {
    const config = scenario('fa18e');
    const mass = computeMassProperties(config, library);
    const model = buildPerformanceModel(config, library, mass);
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
    const capped = computeAircraftPerformance(config, library, mass, { structuralMaxMach: 1.6 });
    expect(capped.maxMach.mach).toBeCloseTo(1.6, 6);
    expect(capped.maxMach.limitedBy).toBe('structure');
    expect(capped.structuralMaxMachSource).toBe('materials');
  });

  it('derives the engine-temperature Mach limit from the compressor-face temperature', () => {
    const config = scenario('f16c-block50');
    const mass = computeMassProperties(config, library);
    const model = buildPerformanceModel(config, library, mass);
    // T_t2 = 216.65·(1 + 0.2M²) = 400 K ⇒ M = 2.06
    expect(engineTemperatureMachLimit(model, 12_000)).toBeCloseTo(2.058, 2);
  });

  it('lowers the service ceiling when the aircraft is heavier', () => {
    const config = scenario('typhoon');
    const mass = computeMassProperties(config, library);
    const model = buildPerformanceModel(config, library, mass);
    const light = serviceCeilingM(model, 14_000, 'dry', 0.5, 25_000);
    const heavy = serviceCeilingM(model, 20_000, 'dry', 0.5, 25_000);
    expect(heavy).toBeLessThan(light);
  });

  it('finds no supercruise without dry thrust (ramjet)', () => {
    const config = scenario('fa18e');
    config.propulsion = { engineModel: 'RAMJET-CONCEPT', count: 2 };
    const perf = computeAircraftPerformance(config, library, computeMassProperties(config, library));
    expect(perf.supercruise.mach).toBe(0);
  });
});

describe('fast evaluation', () => {
  it('matches the full analysis on masses, T/W, wing loading, radius and max Mach', () => {
    for (const id of ['f16c-block50', 'f22a', 'typhoon', 'fa18e']) {
      const config = scenario(id);
      const mass = computeMassProperties(config, library);
      const full = computeAircraftPerformance(config, library, mass);
      const fast = evaluateDesignFast(config, library);
      expect(fast.loadedMassKg).toBe(mass.loadedMassKg);
      expect(fast.takeoffMassKg).toBe(mass.takeoffMassKg);
      expect(fast.thrustToWeightLoaded).toBeCloseTo(full.thrustToWeightLoaded, 9);
      expect(fast.wingLoadingKgM2).toBeCloseTo(full.wingLoadingKgM2, 9);
      expect(fast.combatRadiusKm).toBeCloseTo(full.combat.radiusKm, 6);
      expect(Math.abs(fast.maxMach - full.maxMach.mach)).toBeLessThan(0.03);
    }
  });
});

describe('combat radius', () => {
  const generic = (payloadKg: number, type: 'multirole' | 'strike' | 'air_superiority' = 'multirole') => ({ type, payloadKg });

  it('grows with external fuel and shrinks with mission payload', () => {
    const config = scenario('f16c-block50');
    const mass = computeMassProperties(config, library);
    const model = buildPerformanceModel(config, library, mass);
    const base = combatRadius(model, mass, library.cfd, generic(0)).radiusKm;
    const moreBombs = combatRadius(model, mass, library.cfd, generic(mass.expendableMassKg + 2000)).radiusKm;
    expect(moreBombs).toBeLessThan(base);
    const unarmed = scenario('f16c-block50');
    unarmed.modules = unarmed.modules.filter((module) => module.libraryId !== 'mk-83' && module.libraryId !== 'ter-9a');
    const unarmedMass = computeMassProperties(unarmed, library);
    const unarmedModel = buildPerformanceModel(unarmed, library, unarmedMass);
    expect(unarmedMass.loadedMassKg).toBeCloseTo(mass.loadedMassKg, 6);
    expect(combatRadius(unarmedModel, unarmedMass, library.cfd, generic(0)).radiusKm).toBeGreaterThan(base);
    const noTanks = scenario('f16c-block50');
    noTanks.modules = noTanks.modules.filter((module) => !module.libraryId.startsWith('tank'));
    const cleanMass = computeMassProperties(noTanks, library);
    const clean = combatRadius(buildPerformanceModel(noTanks, library, cleanMass), cleanMass, library.cfd, generic(0)).radiusKm;
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
    const model = buildPerformanceModel(strike, library, strikeMass);
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
    const model = buildPerformanceModel(config, library, mass);
    const withDash = combatRadius(model, mass, library.cfd, config.mission);
    const subsonic = combatRadius(model, mass, library.cfd, { ...config.mission, profile: { kind: 'hi-hi-hi' } });
    expect(withDash.fuelKg.outboundSupercruise).toBeGreaterThan(0);
    expect(withDash.radiusKm).toBeLessThan(subsonic.radiusKm);
  });

  it('carries tanks home by default and drops them when empty only when the profile says so', () => {
    const config = scenario('fa18e');
    const mass = computeMassProperties(config, library);
    const model = buildPerformanceModel(config, library, mass);
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
    const model = buildPerformanceModel(config, library, mass);
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
      const result = combatRadius(buildPerformanceModel(config, library, mass), mass, library.cfd, config.mission);
      const { total, ...segments } = result.fuelKg;
      const used = Object.values(segments).reduce((sum, value) => sum + value, 0);
      expect(used).toBeCloseTo(total, 3);
      expect(segments.left).toBeGreaterThanOrEqual(0);
    }
  });
});
