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

/**
 * A history query the session store answers, beyond the in-memory window: the same fields with
 * the same meaning (filters ANDed, times inclusive, a broadcast matches any target, results
 * oldest first, `limit` keeps the newest matches), plus paging backwards with `beforeSeq`,
 * payload text search and `keep: 'oldest'` to read forwards from `afterSeq`.
 */
export const StoredHistoryQuerySchema = HistoryQuerySchema.extend({
  /** Only events before this log position (page backwards: the oldest seq of the page shown). */
  beforeSeq: z.number().int().positive().optional(),
  /**
   * Words that must all occur in the payload (full-text, case- and accent-insensitive; a word
   * like `max_thrust` matches those tokens in that order; a trailing `*` matches a prefix).
   */
  text: z.string().max(256).optional(),
  /** Which end `limit` keeps. Default 'newest' (as the in-memory window does). */
  keep: z.enum(['newest', 'oldest']).optional()
});
export type StoredHistoryQuery = z.infer<typeof StoredHistoryQuerySchema>;
