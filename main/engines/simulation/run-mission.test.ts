import { describe, expect, it } from 'vitest';
import type { AircraftFlightModel, ThrustSetting } from './aircraft-flight-model';
import { buildCombatMission } from './combat-mission';
import { dynamicPressurePa, trueAirspeedMS } from './flight-mechanics';
import { STANDARD_GRAVITY_MS2, isaAtmosphere } from '../atmosphere/isa';
import type { MissionProfileInput } from '../../../shared/results/mission-profile';
import { runMission, type MissionProgress } from './run-mission';

const WING_AREA_M2 = 30;
const CD0 = 0.02;
const INDUCED_DRAG_FACTOR = 0.12;
const DRY_TSFC_KG_PER_NS = 2.2e-5;
const AFTERBURNER_TSFC_KG_PER_NS = 5.5e-5;

interface TestAircraft {
  fuelMassKg?: number;
  takeoffMassKg?: number;
  maxTakeoffMassKg?: number;
  seaLevelDryThrustN?: number;
}

/**
 * Analytic test aircraft: constant TSFC, parabolic polar C_D = C_D0 + k C_L², thrust lapse
 * T = T_SL σ^0.75, afterburner 1.6 × dry, idle 5 % of dry.
 */
function testAircraft(options: TestAircraft = {}): AircraftFlightModel {
  const seaLevelDryThrustN = options.seaLevelDryThrustN ?? 80_000;
  const seaLevelDensity = isaAtmosphere(0).densityKgM3;
  const settingFactor: Record<ThrustSetting, number> = { idle: 0.05, dry: 1, afterburner: 1.6 };
  return {
    maxTakeoffMassKg: options.maxTakeoffMassKg ?? 20_000,
    takeoffMassKg: options.takeoffMassKg ?? 14_000,
    fuelMassKg: options.fuelMassKg ?? 3_500,
    wingAreaM2: WING_AREA_M2,
    clMax: 1.6,
    thrustAvailableN: (altitudeM, _mach, setting) =>
      seaLevelDryThrustN *
      settingFactor[setting] *
      Math.pow(isaAtmosphere(altitudeM).densityKgM3 / seaLevelDensity, 0.75),
    fuelFlowKgS: (_altitudeM, _mach, thrustN, afterburner) =>
      thrustN * (afterburner ? AFTERBURNER_TSFC_KG_PER_NS : DRY_TSFC_KG_PER_NS),
    dragN: (altitudeM, mach, massKg, loadFactor) => {
      const qPa = dynamicPressurePa(altitudeM, mach);
      if (qPa <= 0) return 0;
      const cl = (loadFactor * massKg * STANDARD_GRAVITY_MS2) / (qPa * WING_AREA_M2);
      return qPa * WING_AREA_M2 * (CD0 + INDUCED_DRAG_FACTOR * cl * cl);
    }
  };
}

const cruiseOnly = (distanceKm: number, timeStepS = 1): MissionProfileInput => ({
  initialAltitudeM: 10_000,
  initialMach: 0.8,
  reserveFuelFraction: 0,
  timeStepS,
  segments: [{ kind: 'cruise', distanceKm, mach: 0.8 }]
});

describe('runMission', () => {
  it('burns the fuel the Breguet range equation predicts in a level cruise', async () => {
    const model = testAircraft();
    const result = await runMission({ model, profile: cruiseOnly(1_500) });
    expect(result.completed).toBe(true);
    expect(result.totals.distanceKm).toBeCloseTo(1_500, 6);

    // Breguet range at constant altitude and speed, D(m) = a + b m²:
    // R = V / (c √(ab)) · [atan(m0 √(b/a)) − atan(m1 √(b/a))], solved for m1.
    const qPa = dynamicPressurePa(10_000, 0.8);
    const speedMS = trueAirspeedMS(10_000, 0.8);
    const a = qPa * WING_AREA_M2 * CD0;
    const b = (INDUCED_DRAG_FACTOR * STANDARD_GRAVITY_MS2 ** 2) / (qPa * WING_AREA_M2);
    const m0 = model.takeoffMassKg;
    const rangeM = 1_500_000;
    const angle =
      Math.atan(m0 * Math.sqrt(b / a)) - (rangeM * DRY_TSFC_KG_PER_NS * Math.sqrt(a * b)) / speedMS;
    const breguetFuelKg = m0 - Math.sqrt(a / b) * Math.tan(angle);
    expect(Math.abs(result.totals.fuelUsedKg - breguetFuelKg) / breguetFuelKg).toBeLessThan(0.02);

    // Classic form R = V/(c g) · L/D · ln(m0/m1) with L/D taken at the mid-cruise mass.
    const m1 = m0 - result.totals.fuelUsedKg;
    const midMassKg = 0.5 * (m0 + m1);
    const liftToDrag = (midMassKg * STANDARD_GRAVITY_MS2) / (a + b * midMassKg ** 2);
    const classicRangeM =
      (speedMS / (DRY_TSFC_KG_PER_NS * STANDARD_GRAVITY_MS2)) * liftToDrag * Math.log(m0 / m1);
    expect(Math.abs(classicRangeM - rangeM) / rangeM).toBeLessThan(0.02);
  });

  it('flies a combat-radius mission with ordered phases and monotonic time', async () => {
    const model = testAircraft();
    const result = await runMission({ model, profile: buildCombatMission({ radiusKm: 400 }) });
    expect(result.failureReason).toBeUndefined();
    expect(result.completed).toBe(true);
    expect(result.phases.map((p) => p.name)).toEqual([
      'takeoff',
      'climb',
      'cruise',
      'combat',
      'return',
      'descent',
      'landing'
    ]);
    result.phases.forEach((phase, i) => {
      expect(phase.endS).toBeGreaterThan(phase.startS);
      expect(phase.fuelUsedKg).toBeGreaterThan(0);
      if (i > 0) expect(phase.startS).toBe(result.phases[i - 1]?.endS);
    });
    const combat = result.phases.find((p) => p.name === 'combat');
    expect(combat?.endS).toBeDefined();
    const sumFuel = result.phases.reduce((sum, p) => sum + p.fuelUsedKg, 0);
    expect(sumFuel).toBeCloseTo(result.totals.fuelUsedKg, 6);
    expect(result.totals.fuelRemainingKg).toBeGreaterThanOrEqual(0.05 * model.fuelMassKg);
    const { timeS, fuelKg, altitudeM, phase } = result.series;
    for (let i = 1; i < timeS.length; i++) {
      expect(timeS[i]).toBeGreaterThanOrEqual(timeS[i - 1] ?? 0);
      expect(fuelKg[i]).toBeLessThanOrEqual(fuelKg[i - 1] ?? 0);
    }
    expect(Math.max(...altitudeM)).toBeCloseTo(10_000, 3);
    expect(altitudeM[altitudeM.length - 1]).toBeCloseTo(0, 6);
    expect(result.series.mach[result.series.mach.length - 1]).toBe(0);
    expect(new Set(phase)).toEqual(new Set(result.phases.map((p) => p.name)));
    expect(timeS[timeS.length - 1]).toBe(result.totals.durationS);
  });

  it('stops with a reason naming the phase when fuel runs out, never going negative', async () => {
    const model = testAircraft();
    const profile = buildCombatMission({ radiusKm: 300, combatMinutes: 30 });
    const result = await runMission({ model, profile });
    expect(result.completed).toBe(false);
    expect(result.cancelled).toBe(false);
    expect(result.failureReason).toMatch(/^fuel exhausted during combat/);
    expect(result.phases[result.phases.length - 1]?.name).toBe('combat');
    expect(Math.min(...result.series.fuelKg)).toBeGreaterThanOrEqual(0);
    expect(result.totals.fuelRemainingKg).toBeCloseTo(0.05 * model.fuelMassKg, 6);

    const noReserve = await runMission({ model, profile: { ...profile, reserveFuelFraction: 0 } });
    expect(noReserve.totals.fuelRemainingKg).toBe(0);
    expect(Math.min(...noReserve.series.fuelKg)).toBe(0);
  });

  it('converges as the time step shrinks', async () => {
    const model = testAircraft();
    const profile = buildCombatMission({ radiusKm: 400 });
    const coarse = await runMission({ model, profile: { ...profile, timeStepS: 2 } });
    const fine = await runMission({ model, profile: { ...profile, timeStepS: 0.25 } });
    const difference = Math.abs(coarse.totals.fuelUsedKg - fine.totals.fuelUsedKg);
    expect(difference / fine.totals.fuelUsedKg).toBeLessThan(0.01);
    expect(fine.steps).toBeGreaterThan(4 * coarse.steps);
  });

  it('climbs at the rate given by specific excess power (energy method)', async () => {
    const climbRateError = async (fromM: number, toM: number): Promise<number> => {
      const result = await runMission({
        model: testAircraft(),
        profile: {
          initialAltitudeM: fromM,
          initialMach: 0.7,
          segments: [{ kind: 'climb', altitudeM: toM, mach: 0.7 }]
        }
      });
      expect(result.completed).toBe(true);
      const { timeS, altitudeM, massKg, thrustN, dragN } = result.series;
      let worst = 0;
      for (let i = 1; i < timeS.length - 1; i++) {
        const h = altitudeM[i - 1] ?? 0;
        const { speedOfSoundMs } = isaAtmosphere(h);
        const speedMS = 0.7 * speedOfSoundMs;
        const weightN = (massKg[i - 1] ?? 1) * STANDARD_GRAVITY_MS2;
        const excessPowerMS = (((thrustN[i] ?? 0) - (dragN[i] ?? 0)) * speedMS) / weightN;
        // a = √(γ R T) with dT/dh = −6.5 K/km ⇒ da/dh = −γ R · 0.0065 / (2a); 0 above 11 km.
        const soundGradient = h < 11_000 ? (-1.4 * 287.05287 * 0.0065) / (2 * speedOfSoundMs) : 0;
        const energyFactor = 1 + (speedMS / STANDARD_GRAVITY_MS2) * 0.7 * soundGradient;
        const expected = excessPowerMS / energyFactor;
        const actual = ((altitudeM[i] ?? 0) - h) / ((timeS[i] ?? 0) - (timeS[i - 1] ?? 0));
        worst = Math.max(worst, Math.abs(actual - expected) / expected);
      }
      return worst;
    };
    expect(await climbRateError(2_000, 4_000)).toBeLessThan(1e-4);
    expect(await climbRateError(11_500, 13_000)).toBeLessThan(1e-9);
  });

  it('bounds the output series while integrating at the requested step', async () => {
    const result = await runMission({
      model: testAircraft(),
      profile: cruiseOnly(1_000, 0.05),
      maxSeriesPoints: 500
    });
    expect(result.steps).toBeGreaterThan(50_000);
    expect(result.series.timeS.length).toBeLessThanOrEqual(500);
    expect(result.series.timeS.length).toBeGreaterThan(200);
    expect(result.seriesStride).toBeGreaterThan(1);
    expect(result.series.distanceKm[result.series.distanceKm.length - 1]).toBeCloseTo(1_000, 6);
    for (const column of Object.values(result.series)) {
      expect(column).toHaveLength(result.series.timeS.length);
    }
  });

  it('cancels on abort and reports progress in order', async () => {
    const controller = new AbortController();
    const reports: MissionProgress[] = [];
    const result = await runMission({
      model: testAircraft(),
      profile: buildCombatMission({ radiusKm: 400, timeStepS: 0.1 }),
      signal: controller.signal,
      progressEvery: 500,
      onProgress: (progress) => {
        reports.push(progress);
        if (progress.phase === 'cruise' && progress.fraction > 0.3) controller.abort();
      }
    });
    expect(result.cancelled).toBe(true);
    expect(result.completed).toBe(false);
    expect(result.phases.map((p) => p.name)).toEqual(['takeoff', 'climb', 'cruise']);
    const fractions = reports.map((r) => r.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(reports.map((r) => r.steps)).toEqual(reports.map((_, i) => (i + 1) * 500));
    expect(reports.map((r) => r.phase)).toContain('climb');
  });

  it('returns at once for an already aborted signal', async () => {
    const result = await runMission({
      model: testAircraft(),
      profile: buildCombatMission({ radiusKm: 400 }),
      signal: AbortSignal.abort()
    });
    expect(result).toMatchObject({ cancelled: true, completed: false, steps: 0 });
  });

  it('chooses the best-range Mach of the drag polar', async () => {
    const model = testAircraft();
    const result = await runMission({
      model,
      profile: {
        ...cruiseOnly(300),
        segments: [{ kind: 'cruise', distanceKm: 300, mach: 'best-range' }]
      }
    });
    // With constant TSFC the best range flies at max V/D: C_L = √(C_D0 / (3k)).
    const { pressurePa } = isaAtmosphere(10_000);
    const bestCl = Math.sqrt(CD0 / (3 * INDUCED_DRAG_FACTOR));
    const bestClMach = (massKg: number): number =>
      Math.sqrt((massKg * STANDARD_GRAVITY_MS2) / (0.7 * pressurePa * WING_AREA_M2 * bestCl));
    const midIndex = Math.floor(result.series.mach.length / 2);
    const expected = bestClMach(result.series.massKg[midIndex] ?? 0);
    expect(result.series.mach[midIndex]).toBeGreaterThan(expected - 0.015);
    expect(result.series.mach[midIndex]).toBeLessThan(expected + 0.015);
  });

  it('reports climb, thrust and mass limits as failures naming the phase', async () => {
    const weak = testAircraft({ seaLevelDryThrustN: 25_000 });
    const climb = await runMission({
      model: weak,
      profile: buildCombatMission({ radiusKm: 100, cruiseAltitudeM: 18_000 })
    });
    expect(climb.completed).toBe(false);
    expect(climb.failureReason).toMatch(/during climb$/);

    const heavy = testAircraft({ takeoffMassKg: 21_000 });
    const overweight = await runMission({
      model: heavy,
      profile: buildCombatMission({ radiusKm: 100 })
    });
    expect(overweight.failureReason).toMatch(/exceeds maximum .* during takeoff/);
  });

  it('rejects an invalid profile with the offending field', async () => {
    const result = await runMission({
      model: testAircraft(),
      profile: { segments: [{ kind: 'cruise', distanceKm: -5, mach: 0.8 }] }
    });
    expect(result.completed).toBe(false);
    expect(result.failureReason).toMatch(/segments\[0\]\.distanceKm/);
  });
});
