import { missionProfileSchema, type MissionProfile } from '../../../shared/results/mission-profile';

/** Parameters of a standard combat-radius mission; distances are one way. */
export interface CombatMissionOptions {
  readonly radiusKm: number;
  /** Default 10,000 m. */
  readonly cruiseAltitudeM?: number;
  /** Default 0.85; `'best-range'` lets the simulator choose. */
  readonly cruiseMach?: number | 'best-range';
  /** Climb Mach; default the cruise Mach, or 0.85 when cruising at best range. */
  readonly climbMach?: number;
  /** Default 2 minutes. */
  readonly combatMinutes?: number;
  /** Default the cruise altitude. */
  readonly combatAltitudeM?: number;
  /** Default 0.9. */
  readonly combatMach?: number;
  /** Default 5 g. */
  readonly combatLoadFactor?: number;
  /** Default true. */
  readonly combatAfterburner?: boolean;
  /** Default 5 % of the takeoff fuel. */
  readonly reserveFuelFraction?: number;
  /** Default 1 s. */
  readonly timeStepS?: number;
}

/**
 * Builds the classic combat-radius mission: takeoff, climb, cruise out, combat, cruise back,
 * descent, landing. Cruise distances equal the radius (climb and descent distance is not
 * credited against it).
 *
 * @example
 * const profile = buildCombatMission({ radiusKm: 800, combatMinutes: 3 });
 * const result = await runMission({ model, profile });
 */
export function buildCombatMission(options: CombatMissionOptions): MissionProfile {
  const cruiseAltitudeM = options.cruiseAltitudeM ?? 10_000;
  const cruiseMach = options.cruiseMach ?? 0.85;
  const climbMach = options.climbMach ?? (cruiseMach === 'best-range' ? 0.85 : cruiseMach);
  const descentMach = Math.min(climbMach, 0.8);
  const cruise = { distanceKm: options.radiusKm, altitudeM: cruiseAltitudeM, mach: cruiseMach };
  return missionProfileSchema.parse({
    name: `combat radius ${options.radiusKm} km`,
    reserveFuelFraction: options.reserveFuelFraction ?? 0.05,
    timeStepS: options.timeStepS ?? 1,
    segments: [
      { kind: 'takeoff' },
      { kind: 'climb', altitudeM: cruiseAltitudeM, mach: climbMach },
      { kind: 'cruise', ...cruise },
      {
        kind: 'combat',
        durationS: (options.combatMinutes ?? 2) * 60,
        mach: options.combatMach ?? 0.9,
        altitudeM: options.combatAltitudeM ?? cruiseAltitudeM,
        loadFactor: options.combatLoadFactor ?? 5,
        afterburner: options.combatAfterburner ?? true
      },
      { kind: 'return', ...cruise },
      { kind: 'descent', altitudeM: 0, mach: descentMach },
      { kind: 'landing' }
    ]
  });
}
