import { z } from 'zod';
import { ViolationSchema } from '../consistency';

export const EmptyRequestSchema = z.strictObject({});

/** How one engine ended one configuration change. */
export const EngineOutcomeSchema = z.strictObject({
  engineId: z.string(),
  outcome: z.enum(['computed', 'failed', 'blocked', 'unfinished']),
  durationMs: z.number().optional(),
  error: z.string().optional()
});

/** The result of a configuration change travelling through the engines. */
export const ConfigurationChangeResultSchema = z.strictObject({
  ok: z.boolean(),
  version: z.number().int(),
  correlationId: z.string(),
  eventId: z.string().nullable(),
  durationMs: z.number(),
  engines: z.array(EngineOutcomeSchema),
  violations: z.strictObject({
    opened: z.array(ViolationSchema),
    resolved: z.array(ViolationSchema),
    open: z.number().int()
  }),
  errors: z.array(z.string())
});
export type ConfigurationChangeResult = z.infer<typeof ConfigurationChangeResultSchema>;

export const TaskStartedSchema = z.strictObject({ taskId: z.string() });
export const TaskCancelSchema = z.strictObject({ taskId: z.string().min(1) });
export const CancelledSchema = z.strictObject({ cancelled: z.boolean() });
