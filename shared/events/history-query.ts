import { z } from 'zod';
import { EngineIdSchema, EventTypeSchema } from './envelope';

/** Filters of the log's history. Times are `timestamp` values (epoch ms), inclusive. */
export const HistoryQuerySchema = z.strictObject({
  eventType: EventTypeSchema.optional(),
  sourceEngine: EngineIdSchema.optional(),
  targetEngine: EngineIdSchema.optional(),
  correlationId: z.string().max(64).optional(),
  /** Only events after this log position. */
  afterSeq: z.number().int().nonnegative().optional(),
  since: z.number().optional(),
  until: z.number().optional(),
  /** Keeps the newest matches. */
  limit: z.number().int().positive().max(100_000).optional()
});
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;
