import { HISTORY_PAGE_MAX, StoredHistoryQuerySchema, type StoredHistoryQuery } from '../../shared/events';
import { EVENT_COLUMNS } from './event-rows';
import { MAX_SEQ, eventKey } from './keys';

/** A history query against the store: the contract's `StoredHistoryQuery` (one owner, `shared/events`). */
export const StoreQuerySchema = StoredHistoryQuerySchema;
export type StoreQuery = StoredHistoryQuery;

/** The FTS5 expression for a search text: every word a quoted phrase (no operators get through); null for no words. */
export function textMatchExpression(text: string): string | null {
  const words = text.trim().split(/\s+/).filter((word) => word !== '' && word !== '*');
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const prefix = word.endsWith('*');
      const body = prefix ? word.slice(0, -1) : word;
      return `"${body.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
    })
    .join(' ');
}

export interface BuiltQuery {
  /** Identifies the statement shape (for a prepared-statement cache). */
  sql: string;
  params: Record<string, number | string>;
  /** Rows come newest first and must be reversed. */
  newestFirst: boolean;
}

/**
 * The SQL answering `query` over one session's events. `textTail` says whether a text search
 * must also look in the per-connection index of rows the full-text index does not cover yet;
 * `timeKeys`, when the session's timestamps never go back, is the key range its time filter spans.
 */
export function buildEventQuery(sessionId: number, query: StoreQuery, textTail: boolean, timeKeys?: { after: number; before: number }): BuiltQuery {
  const lo = Math.max(eventKey(sessionId, query.afterSeq ?? 0), timeKeys?.after ?? 0);
  const hi = Math.min(eventKey(sessionId, Math.min(query.beforeSeq ?? MAX_SEQ + 1, MAX_SEQ + 1)), timeKeys?.before ?? Infinity);
  const params: Record<string, number | string> = { lo, hi, limit: query.limit ?? HISTORY_PAGE_MAX };
  const where = ['key > @lo', 'key < @hi'];
  if (query.eventType !== undefined) {
    where.push('type = @type');
    params.type = query.eventType;
  }
  if (query.sourceEngine !== undefined) {
    where.push('source = @source');
    params.source = query.sourceEngine;
  }
  if (query.correlationId !== undefined) {
    where.push('correlation_id = @correlation');
    params.correlation = query.correlationId;
  }
  if (query.since !== undefined || query.until !== undefined) {
    // With the range already narrowed to keys (`timeKeys`), the rows are read in key order and the
    // first `limit` found end the scan; otherwise session_id lets the time index serve the range.
    if (!timeKeys) {
      where.push('session_id = @session');
      params.session = sessionId;
    }
    if (query.since !== undefined) {
      where.push('timestamp >= @since');
      params.since = query.since;
    }
    if (query.until !== undefined) {
      where.push('timestamp <= @until');
      params.until = query.until;
    }
  }
  if (query.targetEngine !== undefined) {
    where.push('(targets IS NULL OR key IN (SELECT key FROM event_targets WHERE target = @target AND key > @lo AND key < @hi))');
    params.target = query.targetEngine;
  }
  const match = query.text === undefined ? null : textMatchExpression(query.text);
  if (match !== null) {
    const indexed = 'SELECT rowid FROM events_text WHERE events_text MATCH @match AND rowid > @lo AND rowid < @hi';
    const tail = 'SELECT rowid FROM temp.events_text_tail WHERE events_text_tail MATCH @match AND rowid > @lo AND rowid < @hi';
    where.push(textTail ? `(key IN (${indexed}) OR key IN (${tail}))` : `key IN (${indexed})`);
    params.match = match;
  }
  const newestFirst = (query.keep ?? 'newest') === 'newest';
  const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY key ${newestFirst ? 'DESC' : 'ASC'} LIMIT @limit`;
  return { sql, params, newestFirst };
}
