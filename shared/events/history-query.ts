import { z } from 'zod';
import { EngineIdSchema, EventTypeSchema } from './envelope';

/** The most events one history answer carries: larger histories are read page by page. */
export const HISTORY_PAGE_MAX = 5_000;

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
  /** Keeps the newest matches (default and most: `HISTORY_PAGE_MAX` — page with `afterSeq`). */
  limit: z.number().int().positive().max(5_000).optional()
});
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;
