import { z } from 'zod';
import { CancelledSchema, EmptyRequestSchema, TaskCancelSchema, TaskStartedSchema } from './common';
import { defineCommand } from './define';

export const AnalysisResultSchema = z.strictObject({
  analysisType: z.string(),
  correlationId: z.string(),
  configVersion: z.number().int(),
  durationMs: z.number(),
  contributions: z.record(z.string(), z.unknown()),
  errors: z.record(z.string(), z.string()),
  summary: z.record(z.string(), z.unknown())
});
export type AnalysisResult = z.infer<typeof AnalysisResultSchema>;

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
      minThrustToWeight: z.number().positive().optional(),
      minCombatRadiusKm: z.number().positive().optional(),
      maxUnitCostMUSD: z.number().positive().optional(),
      maxFrontalRcsDbsm: z.number().optional()
    })
    .optional()
});
export type OptimizationCriteria = z.infer<typeof OptimizationCriteriaSchema>;

export const ANALYSIS_COMMANDS = {
  'analysis.types': defineCommand(
    EmptyRequestSchema,
    z.strictObject({ types: z.array(z.string()) }),
    'The analysis types the engines can run'
  ),
  'analysis.run': defineCommand(
    z.strictObject({ analysisType: z.string().min(1).max(64), params: z.record(z.string(), z.unknown()).optional() }),
    AnalysisResultSchema,
    'Run a cross-engine analysis on the current configuration'
  ),
  'optimization.start': defineCommand(
    z.strictObject({ criteria: OptimizationCriteriaSchema }),
    TaskStartedSchema,
    'Start a multi-objective optimization; progress and the Pareto front arrive as events'
  ),
  'optimization.cancel': defineCommand(TaskCancelSchema, CancelledSchema, 'Cancel a running optimization'),
  'simulation.start': defineCommand(
    z.strictObject({ profile: z.record(z.string(), z.unknown()).optional() }),
    TaskStartedSchema,
    'Start a mission simulation; progress and the time series arrive as events'
  ),
  'simulation.cancel': defineCommand(TaskCancelSchema, CancelledSchema, 'Cancel a running simulation')
};
