import { z } from 'zod';
import { AircraftConfigurationSchema } from '../aircraft';
import { InputsFreshnessSchema } from './freshness';

/** What to optimise for; the search is deterministic for a given seed. */
export const OptimizationCriteriaSchema = z.strictObject({
  minimizeWeight: z.boolean().optional(),
  maximizeStealth: z.boolean().optional(),
  minimizeCost: z.boolean().optional(),
  maximizeRange: z.boolean().optional(),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
  populationSize: z.number().int().min(8).max(400).optional(),
  generations: z.number().int().min(1).max(500).optional(),
  constraints: z
    .strictObject({
      minThrustToWeight: z.number().positive().max(10).optional(),
      minCombatRadiusKm: z.number().positive().max(50_000).optional(),
      maxUnitCostMUSD: z.number().positive().max(1e6).optional(),
      maxFrontalRcsDbsm: z.number().min(-100).max(100).optional()
    })
    .optional()
});
export type OptimizationCriteria = z.infer<typeof OptimizationCriteriaSchema>;

/** One objective of a search: the figure it reads, its unit, and whether smaller is better. */
export const OptimizationObjectiveSchema = z.strictObject({
  name: z.string(),
  unit: z.string(),
  sense: z.enum(['min', 'max'])
});
export type OptimizationObjective = z.infer<typeof OptimizationObjectiveSchema>;

/** A design of the Pareto front, as the UI shows and applies it. */
export const FrontDesignSchema = z.strictObject({
  genes: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Objective values, shown the way the user asked (range as a positive km). */
  objectives: z.record(z.string(), z.number()),
  /** Key figures of the design from the engines' models. */
  figures: z.record(z.string(), z.number()),
  valid: z.boolean(),
  /** 0 = meets every constraint; otherwise the sum of the relative shortfalls. */
  constraintViolation: z.number().nonnegative(),
  configuration: AircraftConfigurationSchema
});
export type FrontDesign = z.infer<typeof FrontDesignSchema>;

export const OptimizationResultSchema = z.strictObject({
  objectives: z.array(OptimizationObjectiveSchema),
  front: z.array(FrontDesignSchema),
  evaluations: z.number().int().nonnegative(),
  cacheHits: z.number().int().nonnegative(),
  generations: z.number().int().nonnegative(),
  cancelled: z.boolean(),
  /** The search's own rate (the front's final re-evaluation excluded). */
  evaluationsPerSecond: z.number().nonnegative(),
  seed: z.number().int(),
  /** The configuration searched around, and whether the engines were current for it. */
  inputs: InputsFreshnessSchema
});
export type OptimizationResult = z.infer<typeof OptimizationResultSchema>;

/** The running front an `optimization_progress` event carries: objective values per design. */
export const OptimizationProgressDataSchema = z.strictObject({
  evaluations: z.number().int().nonnegative(),
  front: z.array(z.record(z.string(), z.number())).max(100)
});
