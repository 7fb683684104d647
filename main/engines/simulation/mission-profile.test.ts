import { describe, expect, it } from 'vitest';
import { buildCombatMission } from './combat-mission';
import { missionProfileSchema } from '../../../shared/results/mission-profile';

describe('missionProfileSchema', () => {
  it('fills defaults', () => {
    const profile = missionProfileSchema.parse({
      segments: [{ kind: 'cruise', distanceKm: 100, mach: 'best-range' }]
    });
    expect(profile).toMatchObject({ reserveFuelFraction: 0.05, timeStepS: 1, initialMach: 0 });
  });

  it('names the misplaced takeoff or landing', () => {
    const result = missionProfileSchema.safeParse({
      segments: [{ kind: 'landing' }, { kind: 'takeoff' }]
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['segments', 0, 'kind'], 'landing must be the last segment'],
      [['segments', 1, 'kind'], 'takeoff must be the first segment']
    ]);
  });

  it('rejects altitudes outside the atmosphere model and unknown kinds', () => {
    const tooHigh = { segments: [{ kind: 'climb', altitudeM: 25_000, mach: 0.9 }] };
    expect(missionProfileSchema.safeParse(tooHigh).success).toBe(false);
    const unknown = { segments: [{ kind: 'refuel', durationS: 60 }] };
    expect(missionProfileSchema.safeParse(unknown).success).toBe(false);
  });
});

describe('buildCombatMission', () => {
  it('builds the seven classic segments out and back over the radius', () => {
    const profile = buildCombatMission({
      radiusKm: 700,
      cruiseAltitudeM: 11_000,
      combatMinutes: 3,
      combatLoadFactor: 6
    });
    expect(profile.segments.map((segment) => segment.kind)).toEqual([
      'takeoff',
      'climb',
      'cruise',
      'combat',
      'return',
      'descent',
      'landing'
    ]);
    expect(profile.segments[2]).toMatchObject({ distanceKm: 700, altitudeM: 11_000, mach: 0.85 });
    expect(profile.segments[3]).toMatchObject({ durationS: 180, loadFactor: 6, afterburner: true });
    expect(profile.segments[4]).toMatchObject({ distanceKm: 700 });
  });

  it('climbs at a fixed Mach when the cruise is at best range', () => {
    const profile = buildCombatMission({ radiusKm: 500, cruiseMach: 'best-range' });
    expect(profile.segments[1]).toMatchObject({ kind: 'climb', mach: 0.85 });
    expect(profile.segments[2]).toMatchObject({ mach: 'best-range' });
  });
});
