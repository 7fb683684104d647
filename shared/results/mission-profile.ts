import { z } from 'zod';
/** Highest altitude (m) a mission may fly: the simulator's atmosphere ends there. */
export const MISSION_MAX_ALTITUDE_M = 20_000;

const altitudeM = z.number().min(0).max(MISSION_MAX_ALTITUDE_M);
const mach = z.number().positive().max(3);
const phaseName = z.string().min(1).max(128).optional();

/** Ground roll from rest to liftoff speed (a factor times the stall speed). */
export const takeoffSegmentSchema = z.object({
  kind: z.literal('takeoff'),
  name: phaseName,
  afterburner: z.boolean().default(true),
  rollingFrictionCoefficient: z.number().min(0).max(1).default(0.03),
  liftoffSpeedFactor: z.number().min(1).max(2).default(1.1)
});

/** Level acceleration to `mach`, then a constant-Mach climb to `altitudeM`. */
export const climbSegmentSchema = z.object({
  kind: z.literal('climb'),
  name: phaseName,
  altitudeM,
  mach,
  afterburner: z.boolean().default(false)
});

const cruiseFields = {
  name: phaseName,
  distanceKm: z.number().positive(),
  /** Absent = stay at the current altitude; otherwise climb or descend to it first. */
  altitudeM: altitudeM.optional(),
  /** A fixed Mach, or the Mach of best specific range re-chosen once a minute. */
  mach: z.union([mach, z.literal('best-range')])
};

/** Level flight at thrust = drag over a distance. */
export const cruiseSegmentSchema = z.object({ kind: z.literal('cruise'), ...cruiseFields });

/** The cruise back home; flown exactly like `cruise`. */
export const returnSegmentSchema = z.object({ kind: z.literal('return'), ...cruiseFields });

/** A sustained turn at a load factor for a duration (full afterburner by default). */
export const combatSegmentSchema = z.object({
  kind: z.literal('combat'),
  name: phaseName,
  durationS: z.number().positive(),
  mach,
  altitudeM: altitudeM.optional(),
  loadFactor: z.number().min(1).max(12).default(5),
  afterburner: z.boolean().default(true)
});

/** Descent at constant Mach and a target sink rate (thrust between idle and dry). */
export const descentSegmentSchema = z.object({
  kind: z.literal('descent'),
  name: phaseName,
  altitudeM: altitudeM.default(0),
  mach,
  descentRateMS: z.number().positive().max(150).default(15)
});

/** Descent to the runway if needed, slow-down to touchdown speed, braked ground roll to rest. */
export const landingSegmentSchema = z.object({
  kind: z.literal('landing'),
  name: phaseName,
  runwayAltitudeM: altitudeM.default(0),
  touchdownSpeedFactor: z.number().min(1).max(2).default(1.15),
  brakingFrictionCoefficient: z.number().min(0.05).max(1).default(0.4)
});

/** One mission segment, told apart by `kind`. */
export const missionSegmentSchema = z.discriminatedUnion('kind', [
  takeoffSegmentSchema,
  climbSegmentSchema,
  cruiseSegmentSchema,
  returnSegmentSchema,
  combatSegmentSchema,
  descentSegmentSchema,
  landingSegmentSchema
]);

/**
 * A mission: segments flown in order, the fuel fraction that must stay in the tanks, and the
 * integration step. Takeoff may only come first and landing only last; a mission that does not
 * start with takeoff starts in the air at `initialAltitudeM` and `initialMach`.
 */
export const missionProfileSchema = z
  .object({
    name: z.string().min(1).max(128).default('mission'),
    segments: z.array(missionSegmentSchema).min(1).max(200),
    reserveFuelFraction: z.number().min(0).max(0.5).default(0.05),
    timeStepS: z.number().positive().max(60).default(1),
    initialAltitudeM: altitudeM.default(0),
    initialMach: z.number().min(0).max(3).default(0)
  })
  .superRefine((profile, context) => {
    const lastIndex = profile.segments.length - 1;
    profile.segments.forEach((segment, index) => {
      const misplaced =
        (segment.kind === 'takeoff' && index !== 0) ||
        (segment.kind === 'landing' && index !== lastIndex);
      if (!misplaced) return;
      const position = segment.kind === 'takeoff' ? 'first' : 'last';
      context.addIssue({
        code: 'custom',
        path: ['segments', index, 'kind'],
        message: `${segment.kind} must be the ${position} segment`
      });
    });
  });

/** A parsed profile (defaults filled in). */
export type MissionProfile = z.infer<typeof missionProfileSchema>;
/** A profile as written by a user (defaults optional). */
export type MissionProfileInput = z.input<typeof missionProfileSchema>;
/** One parsed segment. */
export type MissionSegment = z.infer<typeof missionSegmentSchema>;
