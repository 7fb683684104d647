import { z } from 'zod';
import { InputsFreshnessSchema } from './freshness';

/** The seed SDK's analysis types; engines may declare more. */
export const ANALYSIS_TYPES = [
  'complete_performance',
  'stealth_analysis',
  'thermal_analysis',
  'manufacturing_feasibility',
  'mission_analysis',
  'cost_analysis',
  'system_integration'
] as const;

export const AnalysisTypeSchema = z.string().min(1).max(64);

/** A headline figure of an analysis summary (null when its engine gave none). */
export const SummaryValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/**
 * Bounded analysis parameters: a few named numbers, strings or booleans (the engines read
 * `mach`, `altitudeM`, `quantity`, `opponentRcsM2`).
 */
export const AnalysisParamsSchema = z
  .record(z.string().min(1).max(64), z.union([z.number(), z.string().max(256), z.boolean()]))
  .refine((params) => Object.keys(params).length <= 32, { message: 'at most 32 parameters' });
export type AnalysisParams = z.infer<typeof AnalysisParamsSchema>;

export const AnalysisResultSchema = z.strictObject({
  analysisType: z.string(),
  correlationId: z.string(),
  durationMs: z.number().nonnegative(),
  /** Each contributing engine's answer, by engine id. */
  contributions: z.record(z.string(), z.unknown()),
  /** Engines that failed, were stale or did not answer, with the reason. */
  errors: z.record(z.string(), z.string()),
  /** Headline figures combined from the contributions. */
  summary: z.record(z.string(), SummaryValueSchema),
  /** The configuration version analysed and whether every contributor was current for it. */
  inputs: InputsFreshnessSchema
});
export type AnalysisResult = z.infer<typeof AnalysisResultSchema>;
