import { z } from 'zod';
import { EngineIdSchema } from './events/envelope';

/**
 * The consistency contract: rules relating one engine's outputs to its dependents', the
 * violations they open, what they could not compare, and why an engine is stale.
 */

export const SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * How far two numbers may differ and still agree: the larger of `absolute` and
 * `relative × |expected|`. Absent = exactly equal.
 */
export const ToleranceSchema = z.strictObject({
  relative: z.number().nonnegative().optional(),
  absolute: z.number().nonnegative().optional()
});
export type Tolerance = z.infer<typeof ToleranceSchema>;

/** The serialisable part of a rule: what the UI can add and edit. */
export const ConsistencyRuleSpecSchema = z.strictObject({
  ruleId: z.string().min(1).max(128),
  sourceEngine: EngineIdSchema,
  dependentEngines: z.array(EngineIdSchema).min(1).max(64),
  /** Fields compared by the default check, and whose change triggers invalidation; empty = any. */
  dataFields: z.array(z.string().min(1).max(128)).max(64),
  /** Whether a change of the source's fields invalidates (and recomputes) the dependents. */
  autoUpdate: z.boolean(),
  severity: SeveritySchema,
  description: z.string().max(1000),
  tolerance: ToleranceSchema.optional(),
  /** Absent = enabled. */
  enabled: z.boolean().optional()
});
export type ConsistencyRuleSpec = z.infer<typeof ConsistencyRuleSpecSchema>;

/** An edit of a rule's serialisable part (its id cannot change). */
export const ConsistencyRuleSpecPatchSchema = ConsistencyRuleSpecSchema.omit({
  ruleId: true
}).partial();
export type ConsistencyRuleSpecPatch = z.infer<typeof ConsistencyRuleSpecPatchSchema>;

/** One engine's outputs as the rules see them: the published outputs and their version. */
export interface CachedEntry {
  engineId: string;
  /** The configuration version the outputs were computed from (0 = never computed). */
  configVersion: number;
  data: Readonly<Record<string, unknown>>;
  /** Wall-clock milliseconds of the `engine_output` event. */
  updatedAt: number;
}

/**
 * One result of checking a rule for a (source, dependent) pair. `compared: false` means the
 * check could not be made (say a value is missing): neither a pass nor a violation.
 */
export interface RuleFinding {
  /** Absent = the finding is about the rule as a whole. */
  field?: string;
  passed: boolean;
  expected: unknown;
  actual: unknown;
  message?: string;
  /** Default true. */
  compared?: boolean;
  /** For a finding not compared: which side lacked the value. */
  missingOn?: 'source' | 'dependent' | 'both';
  /**
   * Whose figure `actual` is (default the dependent's): a code check may compare a source figure
   * against a bound drawn from the dependent (power demand against generation, say).
   */
  actualFrom?: 'source' | 'dependent';
}

/**
 * A code rule. Must be synchronous and free of side effects; a throw counts as "not compared".
 *
 * @example
 * // "the sum of the module masses equals the total within 0.5 %"
 * const validate: RuleValidator = (design, materials) => {
 *   const totalKg = Number(design.data.totalMassKg);
 *   const modulesKg = materials.data.moduleMassKg as Record<string, number>;
 *   const sumKg = Object.values(modulesKg).reduce((a, b) => a + b, 0);
 *   const passed = Math.abs(sumKg - totalKg) <= 0.005 * totalKg;
 *   return [{ field: 'totalMassKg', passed, expected: totalKg, actual: sumKg }];
 * };
 */
export type RuleValidator = (
  source: CachedEntry,
  dependent: CachedEntry,
  rule: ConsistencyRule
) => RuleFinding[];

/** A rule: the serialisable spec plus an optional code check replacing the default one. */
export interface ConsistencyRule extends ConsistencyRuleSpec {
  validate?: RuleValidator;
}

export const ViolationStatusSchema = z.enum(['open', 'resolved']);

/** Why a violation was resolved. */
export const ResolutionSchema = z.enum([
  'passed',
  'rule_removed',
  'rule_disabled',
  'no_longer_checked'
]);
export type Resolution = z.infer<typeof ResolutionSchema>;

/**
 * A failed check. Identity is (ruleId, sourceEngine, dependentEngine, field): while the check
 * keeps failing it stays one open violation whose `expected`/`actual` follow the latest check.
 */
export const ViolationSchema = z.strictObject({
  violationId: z.string().min(1),
  ruleId: z.string().min(1),
  severity: SeveritySchema,
  sourceEngine: EngineIdSchema,
  dependentEngine: EngineIdSchema,
  field: z.string().optional(),
  expected: z.unknown(),
  actual: z.unknown(),
  message: z.string(),
  /** Clock milliseconds. */
  detectedAt: z.number(),
  resolvedAt: z.number().optional(),
  status: ViolationStatusSchema,
  resolution: ResolutionSchema.optional(),
  causationId: z.string().optional(),
  correlationId: z.string().optional()
});
export type Violation = z.infer<typeof ViolationSchema>;

/** A field that could not be compared for one (source, dependent) pair. */
export const FieldNotComparedSchema = z.strictObject({
  field: z.string(),
  dependentEngine: EngineIdSchema,
  /** The engines that lacked the value (empty when a code rule did not say). */
  lackedBy: z.array(EngineIdSchema),
  reason: z.string().optional()
});
export type FieldNotCompared = z.infer<typeof FieldNotComparedSchema>;

/**
 * What a rule actually checked. `fieldsCompared` and `fieldsNotCompared` describe the latest
 * check of each (source, dependent) pair; `fieldsNeverCompared` lists fields that have not been
 * compared in any check since the rule was added or last edited. A field not compared is never
 * counted as passing. A finding without a field is listed as `*`.
 */
export const RuleCoverageSchema = z.strictObject({
  ruleId: z.string(),
  /** Null until the rule is first checked. */
  lastCheckedAt: z.number().nullable(),
  fieldsCompared: z.array(z.string()),
  fieldsNotCompared: z.array(FieldNotComparedSchema),
  /** `lackedBy`: the engines that lacked the field in the latest check of each pair. */
  fieldsNeverCompared: z.array(
    z.strictObject({ field: z.string(), lackedBy: z.array(EngineIdSchema) })
  ),
  /** Findings of the latest checks, by outcome. */
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  notCompared: z.number().int().nonnegative()
});
export type RuleCoverage = z.infer<typeof RuleCoverageSchema>;

/** What one validation pass did. `stillOpen` = violations open before and after it. */
export const ConsistencyCheckResultSchema = z.strictObject({
  checkedRules: z.array(z.string()),
  opened: z.array(ViolationSchema),
  resolved: z.array(ViolationSchema),
  stillOpen: z.array(ViolationSchema),
  coverage: z.array(RuleCoverageSchema)
});
export type ConsistencyCheckResult = z.infer<typeof ConsistencyCheckResultSchema>;

const CountsBySeveritySchema = z.strictObject({
  info: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  error: z.number().int().nonnegative(),
  critical: z.number().int().nonnegative()
});

export const ViolationReportSchema = z.strictObject({
  /** Oldest first. */
  open: z.array(ViolationSchema),
  /** The newest resolved violations, newest first (bounded). */
  resolved: z.array(ViolationSchema),
  counts: z.strictObject({
    open: z.number().int().nonnegative(),
    resolvedTotal: z.number().int().nonnegative(),
    /** Resolved violations dropped from `resolved` by its bound. */
    droppedResolved: z.number().int().nonnegative(),
    /** Open violations by severity. */
    bySeverity: CountsBySeveritySchema,
    /** Open violations by rule. */
    byRule: z.record(z.string(), z.number().int().nonnegative())
  })
});
export type ViolationReport = z.infer<typeof ViolationReportSchema>;

/** One step of an invalidation: `fromEngine` changed `fields`, so `engineId` was invalidated. */
export const StalenessHopSchema = z.strictObject({
  engineId: EngineIdSchema,
  fromEngine: EngineIdSchema,
  ruleId: z.string(),
  fields: z.array(z.string()),
  /** The `data_invalidated` event of this hop. */
  eventId: z.string(),
  at: z.number()
});
export type StalenessHop = z.infer<typeof StalenessHopSchema>;

/** Why an engine is stale: the chain of hops from the origin of the change, origin first. */
export const StaleEngineSchema = z.strictObject({
  engineId: EngineIdSchema,
  originEngine: EngineIdSchema,
  propagationId: z.string(),
  correlationId: z.string(),
  since: z.number(),
  /** Why it was not refreshed: no recompute handler, no data returned, or the error. */
  reason: z.string(),
  chain: z.array(StalenessHopSchema)
});
export type StaleEngine = z.infer<typeof StaleEngineSchema>;
