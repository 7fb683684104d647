import { z } from 'zod';
import {
  AnalysisParamsSchema,
  AnalysisResultSchema,
  AnalysisTypeSchema,
  OptimizationCriteriaSchema,
  SimulationRequestProfileSchema
} from '../results';
import { CancelledSchema, EmptyRequestSchema, TaskCancelSchema, TaskStartedSchema } from './common';
import { defineCommand } from './define';

export const ANALYSIS_COMMANDS = {
  'analysis.types': defineCommand(EmptyRequestSchema, z.strictObject({ types: z.array(z.string()) }), 'The analysis types the engines can run'),
  'analysis.run': defineCommand(
    z.strictObject({ analysisType: AnalysisTypeSchema, params: AnalysisParamsSchema.optional() }),
    AnalysisResultSchema,
    'Run a cross-engine analysis on the current configuration; stale inputs are named, never presented as current'
  ),
  'optimization.start': defineCommand(
    z.strictObject({ criteria: OptimizationCriteriaSchema }),
    TaskStartedSchema,
    'Start a multi-objective optimization; progress and the Pareto front arrive as events'
  ),
  'optimization.cancel': defineCommand(TaskCancelSchema, CancelledSchema, 'Cancel a running optimization'),
  'simulation.start': defineCommand(
    z.strictObject({ profile: SimulationRequestProfileSchema }),
    TaskStartedSchema,
    'Start a mission simulation (the default combat mission without a profile); progress and the time series arrive as events'
  ),
  'simulation.cancel': defineCommand(TaskCancelSchema, CancelledSchema, 'Cancel a running simulation')
};
