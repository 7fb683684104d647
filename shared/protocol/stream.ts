import { z } from 'zod';
import { EngineEventSchema } from '../events';
import { PerformanceSummarySchema } from '../performance';
import { EngineStatusReportSchema } from './engine-commands';

/**
 * What the host streams to a client, at most one batch per ~16 ms frame. Events are batched
 * through a bounded queue; what overload drops is counted here. Errors and violations are
 * never dropped.
 */
export const StreamBatchSchema = z.strictObject({
  /** Increases by one per batch sent to this client; a gap means batches were lost. */
  seq: z.number().int().nonnegative(),
  sentAt: z.number(),
  events: z.array(EngineEventSchema),
  /** Present when an engine's status changed since the last batch (all engines). */
  engines: z.array(EngineStatusReportSchema).optional(),
  /** Present about once a second. */
  metrics: PerformanceSummarySchema.optional(),
  /** Present when the open-violation counts changed. */
  violations: z
    .strictObject({
      open: z.number().int().nonnegative(),
      bySeverity: z.record(z.string(), z.number().int().nonnegative())
    })
    .optional(),
  /** Events dropped by overload: since the last batch, and since the client connected. */
  dropped: z.strictObject({ sinceLastBatch: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  queue: z.strictObject({ depth: z.number().int().nonnegative(), capacity: z.number().int().positive() })
});
export type StreamBatch = z.infer<typeof StreamBatchSchema>;
