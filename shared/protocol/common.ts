import { z } from 'zod';
import { ViolationSchema } from '../consistency';
import { DesignFindingSchema } from '../findings';

export const EmptyRequestSchema = z.strictObject({});

/** How one engine ended one configuration change. */
export const EngineOutcomeSchema = z.strictObject({
  engineId: z.string(),
  outcome: z.enum(['computed', 'failed', 'blocked', 'unfinished']),
  durationMs: z.number().optional(),
  error: z.string().optional()
});
export type EngineOutcome = z.infer<typeof EngineOutcomeSchema>;

/**
 * The result of a configuration change travelling through the engines. A refused configuration
 * (`ok: false`, no `engines`) changed nothing: `version` is still the current one.
 */
export const ConfigurationChangeResultSchema = z.strictObject({
  ok: z.boolean(),
  version: z.number().int(),
  correlationId: z.string(),
  /** The `configuration_changed` event, or the `validation_failed` one for a refusal. */
  eventId: z.string(),
  durationMs: z.number(),
  engines: z.array(EngineOutcomeSchema),
  violations: z.strictObject({
    opened: z.array(ViolationSchema),
    resolved: z.array(ViolationSchema),
    open: z.number().int()
  }),
  errors: z.array(z.string()),
  /** What checking the configuration found (warnings too, for an applied one). */
  findings: z.array(DesignFindingSchema)
});
export type ConfigurationChangeResult = z.infer<typeof ConfigurationChangeResultSchema>;

export const TaskStartedSchema = z.strictObject({ taskId: z.string() });
export const TaskCancelSchema = z.strictObject({ taskId: z.string().min(1) });
export const CancelledSchema = z.strictObject({ cancelled: z.boolean() });
