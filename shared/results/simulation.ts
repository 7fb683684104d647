import { z } from 'zod';
import { missionProfileSchema } from './mission-profile';

/** What `simulation.start` takes: a mission profile, or nothing for the default combat mission. */
export const SimulationRequestProfileSchema = missionProfileSchema.optional();

export const SimulationPhaseSchema = z.strictObject({
  name: z.string(),
  startS: z.number(),
  endS: z.number(),
  fuelUsedKg: z.number(),
  /** Distance flown through the air during the phase (turns included). */
  distanceKm: z.number()
});
export type SimulationPhase = z.infer<typeof SimulationPhaseSchema>;

/** Downsampled time histories, one array per quantity, all the same length. */
export const SimulationSeriesSchema = z.strictObject({
  timeS: z.array(z.number()),
  altitudeM: z.array(z.number()),
  mach: z.array(z.number()),
  massKg: z.array(z.number()),
  fuelKg: z.array(z.number()),
  thrustN: z.array(z.number()),
  dragN: z.array(z.number()),
  distanceKm: z.array(z.number()),
  phase: z.array(z.string())
});
export type SimulationSeries = z.infer<typeof SimulationSeriesSchema>;

export const SimulationResultSchema = z.strictObject({
  completed: z.boolean(),
  cancelled: z.boolean(),
  /** Why the mission stopped early, naming the phase. */
  failureReason: z.string().optional(),
  /** Non-fatal findings such as a capped load factor. */
  warnings: z.array(z.string()),
  phases: z.array(SimulationPhaseSchema),
  series: SimulationSeriesSchema,
  /** Every how many integration steps one series point was kept. */
  seriesStride: z.number().int().positive(),
  totals: z.strictObject({
    durationS: z.number(),
    fuelUsedKg: z.number(),
    distanceKm: z.number(),
    fuelRemainingKg: z.number()
  }),
  steps: z.number().int().nonnegative(),
  stepsPerSecond: z.number().nonnegative(),
  /** The configuration version flown. */
  configVersion: z.number().int().nonnegative()
});
export type SimulationResult = z.infer<typeof SimulationResultSchema>;

/** What a `simulation_progress` event carries beside the fraction. */
export const SimulationProgressDataSchema = z.strictObject({
  phase: z.string(),
  timeS: z.number(),
  steps: z.number().int().nonnegative()
});
