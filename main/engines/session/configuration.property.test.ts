import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONFIGURATION_BOUNDS as B,
  INLET_TYPES,
  RADIUS_MISSION_KINDS,
  STRUCTURAL_ZONES,
  type AircraftConfiguration
} from '../../../shared/aircraft';
import { ENGINE_OUTPUT_SCHEMAS, FLIGHTDECK_ENGINE_IDS } from '../../../shared/engine-outputs';
import { loadScenario } from '../calibration/scenarios';
import { computeEngines, shippedLibraries } from '../testing/run-engines';
import { createFlightdeckEngines } from './engine-factories';
import { checkConfiguration } from './validate-configuration';

const libraries = shippedLibraries();
const engines = createFlightdeckEngines(libraries);
const SCENARIOS = ['f16c-block50', 'f22a', 'typhoon', 'fa18e'].map((id) => loadScenario(id));
const ENGINE_IDS = libraries.aircraft.engines.engines.map((engine) => engine.id);
const MATERIAL_IDS = libraries.materials.materials.map((material) => material.id);
const COATING_IDS = libraries.materials.coatings.map((coating) => coating.id);
const MODULES = libraries.aircraft.modules.modules;

type Bound = { readonly min: number; readonly max: number };
/** How a number of a scenario is varied: kept, scaled around its value, or set within (or at) its bounds. */
type Tweak = { kind: 'keep' } | { kind: 'scale'; factor: number } | { kind: 'set'; value: number };

const tweak = (bound: Bound): fc.Arbitrary<Tweak> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<Tweak>({ kind: 'keep' }) },
    { weight: 3, arbitrary: fc.double({ min: 0.3, max: 3, noNaN: true }).map((factor): Tweak => ({ kind: 'scale', factor })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.constant(bound.min), fc.constant(bound.max), fc.double({ min: bound.min, max: bound.max, noNaN: true }))
        .map((value): Tweak => ({ kind: 'set', value }))
    }
  );

function applied(value: number, change: Tweak, bound: Bound): number {
  if (change.kind === 'keep') return value;
  const next = change.kind === 'set' ? change.value : value * change.factor;
  return Math.min(bound.max, Math.max(bound.min, next));
}

const altitudeM = fc.double({ ...B.altitudeM, noNaN: true });

/** What a run varies in a scenario: numbers within bounds, library choices, counts and quantities. */
const variation = fc.record({
  scenario: fc.nat({ max: SCENARIOS.length - 1 }),
  platform: fc.record({
    emptyMassKg: tweak(B.massKg),
    maxTakeoffMassKg: tweak(B.massKg),
    wingAreaM2: tweak(B.wingAreaM2),
    wingspanM: tweak(B.lengthM),
    lengthM: tweak(B.lengthM),
    sweepDeg: tweak(B.sweepDeg),
    thicknessRatio: tweak(B.thicknessRatio),
    fuelShareOfMtow: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    powerGenerationKW: tweak(B.powerKW),
    coolingCapacityKW: tweak(B.powerKW),
    inletType: fc.option(fc.constantFrom(...INLET_TYPES), { nil: undefined }),
    internalWeaponsBay: fc.option(fc.boolean(), { nil: undefined })
  }),
  engineModel: fc.option(fc.constantFrom(...ENGINE_IDS), { nil: undefined }),
  engineCount: fc.option(fc.integer({ min: B.engineCount.min, max: B.engineCount.max }), { nil: undefined }),
  materials: fc.array(fc.tuple(fc.constantFrom(...STRUCTURAL_ZONES), fc.constantFrom(...MATERIAL_IDS)), { maxLength: 7 }),
  coatings: fc.option(
    fc.array(fc.record({ coatingId: fc.constantFrom(...COATING_IDS), zones: fc.subarray([...STRUCTURAL_ZONES]) }), { maxLength: 3 }),
    { nil: undefined }
  ),
  /** Module swaps: which mounted module, which compatible library module, how many. */
  modules: fc.array(
    fc.record({
      slot: fc.nat(),
      choice: fc.nat(),
      quantity: fc.option(fc.integer({ min: B.quantity.min, max: B.quantity.max }), { nil: undefined })
    }),
    { maxLength: 6 }
  ),
  mission: fc.record({
    combatRadiusKm: tweak(B.distanceKm),
    payloadKg: tweak(B.loadKg),
    altitudeBandM: fc.option(fc.tuple(altitudeM, altitudeM), { nil: undefined }),
    topMach: tweak(B.topMach),
    stealthRequired: fc.option(fc.boolean(), { nil: undefined }),
    profile: fc.option(
      fc.record({
        kind: fc.constantFrom(...RADIUS_MISSION_KINDS),
        lowLevelKmEachWay: fc.option(fc.double({ ...B.distanceKm, noNaN: true }), { nil: undefined }),
        supercruiseKmEachWay: fc.option(fc.double({ ...B.distanceKm, noNaN: true }), { nil: undefined }),
        combatMinutes: fc.option(fc.double({ ...B.minutes, noNaN: true }), { nil: undefined }),
        combatThrottle: fc.option(fc.constantFrom('dry' as const, 'wet' as const), { nil: undefined }),
        loiterMinutes: fc.option(fc.double({ ...B.minutes, noNaN: true }), { nil: undefined }),
        reserve: fc.option(fc.constantFrom('usaf' as const, 'navy' as const), { nil: undefined }),
        tanksDroppedWhenEmpty: fc.option(fc.boolean(), { nil: undefined })
      }),
      { nil: undefined }
    )
  })
});

type Variation = typeof variation extends fc.Arbitrary<infer T> ? T : never;

/** A configuration built from a scenario and a variation (it may still break a budget). */
function build(v: Variation): AircraftConfiguration {
  const config = structuredClone(SCENARIOS[v.scenario] as AircraftConfiguration);
  const platform = config.basePlatform;
  const p = v.platform;
  const oldLengthM = platform.lengthM;
  platform.emptyMassKg = applied(platform.emptyMassKg, p.emptyMassKg, B.massKg);
  platform.maxTakeoffMassKg = applied(platform.maxTakeoffMassKg, p.maxTakeoffMassKg, B.massKg);
  platform.wingAreaM2 = applied(platform.wingAreaM2, p.wingAreaM2, B.wingAreaM2);
  platform.wingspanM = applied(platform.wingspanM, p.wingspanM, B.lengthM);
  platform.lengthM = applied(platform.lengthM, p.lengthM, B.lengthM);
  platform.sweepDeg = applied(platform.sweepDeg, p.sweepDeg, B.sweepDeg);
  platform.thicknessRatio = applied(platform.thicknessRatio, p.thicknessRatio, B.thicknessRatio);
  platform.internalFuelKg =
    p.fuelShareOfMtow === undefined
      ? Math.min(platform.internalFuelKg, platform.maxTakeoffMassKg)
      : p.fuelShareOfMtow * platform.maxTakeoffMassKg;
  platform.powerGenerationKW = applied(platform.powerGenerationKW, p.powerGenerationKW, B.powerKW);
  platform.coolingCapacityKW = applied(platform.coolingCapacityKW, p.coolingCapacityKW, B.powerKW);
  if (p.inletType !== undefined) platform.inletType = p.inletType;
  if (p.internalWeaponsBay !== undefined) platform.internalWeaponsBay = p.internalWeaponsBay;
  // Stations move with the fuselage, so they stay on it.
  for (const point of platform.attachmentPoints) {
    if (point.stationM !== undefined) point.stationM = Math.min(platform.lengthM, (point.stationM * platform.lengthM) / oldLengthM);
  }
  if (v.engineModel !== undefined) config.propulsion.engineModel = v.engineModel;
  if (v.engineCount !== undefined) config.propulsion.count = v.engineCount;
  for (const [zone, materialId] of v.materials) config.materials[zone] = materialId;
  if (v.coatings !== undefined) config.coatings = v.coatings;
  for (const swap of v.modules) {
    const module = config.modules[swap.slot % config.modules.length];
    const point = platform.attachmentPoints.find((candidate) => candidate.id === module?.attachmentPoint);
    const fits = MODULES.filter((candidate) => point !== undefined && candidate.attachmentKinds.includes(point.kind));
    if (!module || fits.length === 0) continue;
    module.libraryId = (fits[swap.choice % fits.length] as (typeof MODULES)[number]).id;
    if (swap.quantity !== undefined) module.quantity = swap.quantity;
  }
  const m = v.mission;
  config.mission.combatRadiusKm = applied(config.mission.combatRadiusKm, m.combatRadiusKm, B.distanceKm);
  config.mission.payloadKg = applied(config.mission.payloadKg, m.payloadKg, B.loadKg);
  if (m.altitudeBandM) {
    const [a, b] = m.altitudeBandM;
    config.mission.altitudeBandM = { min: Math.min(a, b), max: Math.max(a, b) };
  }
  const topMach = applied(config.mission.speedBandMach.max, m.topMach, B.topMach);
  config.mission.speedBandMach = { min: Math.min(config.mission.speedBandMach.min, topMach), max: topMach };
  if (m.stealthRequired !== undefined) config.mission.stealthRequired = m.stealthRequired;
  if (m.profile !== undefined) {
    config.mission.profile = Object.fromEntries(
      Object.entries(m.profile).filter(([, value]) => value !== undefined)
    ) as NonNullable<AircraftConfiguration['mission']['profile']>;
  }
  return config;
}

describe('random valid configurations', () => {
  it('give every engine outputs that parse with its schema: no NaN, Infinity or null for a number', () => {
    fc.assert(
      fc.property(variation, (v) => {
        const check = checkConfiguration(build(v), libraries);
        fc.pre(check.ok);
        if (!check.ok) return;
        // Over the wire: JSON turns NaN and ±Infinity into null, which the schemas refuse.
        const outputs = JSON.parse(JSON.stringify(computeEngines(check.configuration, engines))) as Record<string, unknown>;
        for (const engineId of FLIGHTDECK_ENGINE_IDS) {
          const parsed = ENGINE_OUTPUT_SCHEMAS[engineId].safeParse(outputs[engineId]);
          expect(parsed.error?.issues ?? [], engineId).toEqual([]);
        }
      }),
      { numRuns: 500 }
    );
  });
});
