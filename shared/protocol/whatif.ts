import { z } from 'zod';
import { ConsistencyRuleSpecPatchSchema, ConsistencyRuleSpecSchema, SeveritySchema } from '../consistency';
import { EngineIdSchema } from '../events/envelope';
import { EngineOutcomeSchema } from './common';

/**
 * The what-if contract: rule edits a recorded session is re-judged against, the one choice a
 * recorded configuration is re-run with, and the two reports. Parsed where they cross into the
 * host (a command, a `--rules` file); the sandboxes in `main/whatif` compute the reports.
 */

const id = z.string().min(1).max(128);
const ruleId = z.string().min(1).max(128);

/**
 * One edit of the recorded rules: add a rule (its default field check; code checks are not
 * serialisable), change part of one, or remove one.
 *
 * @example
 * RuleEditSchema.parse({ kind: 'update', ruleId: 'mass_budget', patch: { severity: 'warning' } });
 */
export const RuleEditSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('add'), rule: ConsistencyRuleSpecSchema }),
  z.strictObject({ kind: z.literal('update'), ruleId, patch: ConsistencyRuleSpecPatchSchema }),
  z.strictObject({ kind: z.literal('remove'), ruleId })
]);
export type RuleEdit = z.infer<typeof RuleEditSchema>;

/** The edits of one what-if, applied in order. */
export const RuleEditsSchema = z.array(RuleEditSchema).max(256);

/**
 * The one choice a re-run changes: the engine model, one zone's material, a coating (one zone's,
 * or without `zone` every coated zone's) or the radar. Ids are checked against the library by
 * the re-run, which names what it does not know and lists what it does.
 *
 * @example
 * OneChoiceSchema.parse({ kind: 'engine_model', engineModel: 'F135-PW-100' });
 * OneChoiceSchema.parse({ kind: 'material', zone: 'wings', materialId: 'ti_6al4v' });
 */
export const OneChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('engine_model'), engineModel: id }),
  z.strictObject({ kind: z.literal('material'), zone: id, materialId: id }),
  z.strictObject({ kind: z.literal('coating'), coatingId: id, zone: id.optional() }),
  z.strictObject({ kind: z.literal('radar'), radarId: id })
]);
export type OneChoice = z.infer<typeof OneChoiceSchema>;

/** A violation as a what-if reports it: its identity and its figures (no ids or times: those differ between runs). */
export const WhatIfViolationSchema = z.strictObject({
  ruleId: z.string(),
  sourceEngine: EngineIdSchema,
  dependentEngine: EngineIdSchema,
  field: z.string().optional(),
  severity: SeveritySchema,
  expected: z.unknown(),
  actual: z.unknown(),
  message: z.string()
});
export type WhatIfViolation = z.infer<typeof WhatIfViolationSchema>;

const FiguresSchema = WhatIfViolationSchema.pick({ severity: true, expected: true, actual: true, message: true });

/** A violation open both ways whose figures differ: as recorded, and under the edited rules. */
export const ChangedViolationSchema = WhatIfViolationSchema.pick({
  ruleId: true,
  sourceEngine: true,
  dependentEngine: true,
  field: true
}).extend({ recorded: FiguresSchema, edited: FiguresSchema });
export type ChangedViolation = z.infer<typeof ChangedViolationSchema>;

/** How the open violations differ: open only under the edited rules, only in the recording, or in both with other figures. */
export const ViolationDeltaSchema = z.strictObject({
  opened: z.array(WhatIfViolationSchema),
  noLongerOpened: z.array(WhatIfViolationSchema),
  changed: z.array(ChangedViolationSchema)
});
export type ViolationDelta = z.infer<typeof ViolationDeltaSchema>;

/** The delta right after the consistency check of one recorded `engine_output`. */
export const RejudgeStepSchema = ViolationDeltaSchema.extend({
  seq: z.number().int().positive(),
  eventId: z.string(),
  engineId: EngineIdSchema,
  configVersion: z.number().int().nonnegative()
});
export type RejudgeStep = z.infer<typeof RejudgeStepSchema>;

const count = z.number().int().nonnegative();

/** A recorded session re-judged against edited rules. */
export const RejudgeReportSchema = z.strictObject({
  /** Every recorded `engine_output` whose check left other violations open than the recording did, in log order. */
  steps: z.array(RejudgeStepSchema),
  /** The delta after the last event. */
  atEnd: ViolationDeltaSchema,
  totals: z.strictObject({
    events: count,
    engineOutputs: count,
    /** Outputs whose delta was not empty (`steps` holds the first `maxSteps` of them). */
    differingOutputs: count,
    /** Differing outputs beyond `maxSteps`: counted, not listed. */
    omittedSteps: count,
    /** Distinct violations (by identity) that were in an `opened`, `noLongerOpened` or `changed` list. */
    opened: count,
    noLongerOpened: count,
    changed: count
  }),
  /**
   * Rule events of the recording after its first engine output: the edited rules hold from the
   * first event on, so where the recording edited its rules the two differ from there.
   */
  recordedRuleChanges: z.array(z.number().int().positive()),
  durationMs: z.number().nonnegative()
});
export type RejudgeReport = z.infer<typeof RejudgeReportSchema>;

/** One output field of one engine: before and after the change. */
export const FieldComparisonSchema = z.strictObject({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** From the engine's output schema (`shared/engine-outputs`); absent for a field without one. */
  unit: z.string().optional(),
  changed: z.boolean()
});
export type FieldComparison = z.infer<typeof FieldComparisonSchema>;

const OutcomeSchema = EngineOutcomeSchema.shape.outcome;

export const EngineComparisonSchema = z.strictObject({
  engineId: EngineIdSchema,
  outcome: z.strictObject({ before: OutcomeSchema, after: OutcomeSchema }),
  /** The engine's output fields in the order it returns them (fields only one side has included). */
  fields: z.array(FieldComparisonSchema),
  changedFields: count
});
export type EngineComparison = z.infer<typeof EngineComparisonSchema>;

/** A recorded configuration re-run with one choice changed, in a sandboxed session. */
export const RerunReportSchema = z.strictObject({
  choice: OneChoiceSchema,
  /** What the choice changed in the configuration, e.g. `propulsion.engineModel: F119-PW-100 → F135-PW-100`. */
  change: z.strictObject({ path: z.string(), before: z.unknown(), after: z.unknown() }),
  /** Every engine, in dependency order. */
  engines: z.array(EngineComparisonSchema),
  violations: z.strictObject({
    /** Open after the original configuration. */
    before: z.array(WhatIfViolationSchema),
    /** Open after the changed one. */
    after: z.array(WhatIfViolationSchema),
    /** Open after, not before (by identity). */
    opened: z.array(WhatIfViolationSchema),
    /** Open before, not after. */
    resolved: z.array(WhatIfViolationSchema)
  }),
  totals: z.strictObject({ fields: count, changedFields: count, enginesChanged: count }),
  durationMs: z.number().nonnegative()
});
export type RerunReport = z.infer<typeof RerunReportSchema>;
