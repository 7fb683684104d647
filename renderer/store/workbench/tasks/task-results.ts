import { z } from 'zod';
import { AircraftConfigurationSchema } from '../../../../shared/aircraft';

/**
 * Schemas for what optimization and simulation events carry in `data` (the event contract
 * types `data` as a plain record). Parsing them here keeps the views on typed data.
 */

const NumberRecord = z.record(z.string(), z.number());

/** One objective of an optimization: the figure it reads and whether smaller is better. */
export const ObjectiveSchema = z.looseObject({ name: z.string(), unit: z.string().optional(), sense: z.enum(['min', 'max']) });
export type Objective = z.infer<typeof ObjectiveSchema>;

/** A design of the Pareto front. */
export const FrontDesignSchema = z.looseObject({
  genes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  objectives: NumberRecord,
  figures: NumberRecord.optional(),
  valid: z.boolean().optional(),
  constraintViolation: z.number().optional(),
  configuration: AircraftConfigurationSchema
});
export type FrontDesign = z.infer<typeof FrontDesignSchema>;

export const OptimizationResultSchema = z.looseObject({
  objectives: z.array(ObjectiveSchema),
  front: z.array(FrontDesignSchema),
  evaluations: z.number().optional(),
  generations: z.number().optional(),
  seed: z.number().optional()
});
export type OptimizationResult = z.infer<typeof OptimizationResultSchema>;

/** `optimization_progress` data: the fraction done and the current front's objective values. */
export const OptimizationProgressSchema = z.looseObject({
  taskId: z.string(),
  fraction: z.number(),
  message: z.string().optional(),
  data: z.looseObject({ evaluations: z.number().optional(), front: z.array(NumberRecord).optional() }).optional()
});

export const SimulationPhaseSchema = z.looseObject({
  name: z.string(),
  startS: z.number(),
  endS: z.number(),
  fuelUsedKg: z.number(),
  distanceKm: z.number()
});
export type SimulationPhase = z.infer<typeof SimulationPhaseSchema>;

export const SimulationSeriesSchema = z.looseObject({
  timeS: z.array(z.number()),
  altitudeM: z.array(z.number()),
  mach: z.array(z.number()),
  massKg: z.array(z.number()),
  fuelKg: z.array(z.number()),
  distanceKm: z.array(z.number()).optional(),
  phase: z.array(z.string())
});
export type SimulationSeries = z.infer<typeof SimulationSeriesSchema>;

export const SimulationResultSchema = z.looseObject({
  completed: z.boolean(),
  failureReason: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  phases: z.array(SimulationPhaseSchema),
  series: SimulationSeriesSchema,
  totals: z.looseObject({ durationS: z.number(), fuelUsedKg: z.number(), distanceKm: z.number(), fuelRemainingKg: z.number().optional() }).optional()
});
export type SimulationResult = z.infer<typeof SimulationResultSchema>;

/** `simulation_progress` data. */
export const SimulationProgressSchema = z.looseObject({
  taskId: z.string(),
  fraction: z.number(),
  message: z.string().optional(),
  data: z.looseObject({ phase: z.string().optional(), timeS: z.number().optional() }).optional()
});

/** A finished task's event data: `{ taskId, result }`. */
export const TaskOutcomeSchema = z.looseObject({ taskId: z.string(), durationMs: z.number().optional(), result: z.unknown() });
