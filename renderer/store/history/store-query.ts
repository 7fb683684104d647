import type { StoredHistoryQuery } from '../../../shared/events';
import { compileFilter, isEmptyFilter, type EventFilters, type EventPredicate } from '../live/event-filter';

/** A full correlation id (a UUID): only then does the store's exact match equal the timeline's substring match. */
const FULL_ID_LENGTH = 36;

/**
 * The part of the timeline's filters the store answers itself: one event type, a full
 * correlation id and the payload text (full-text search). The rest (several types, engines as
 * source or target, priorities, hidden noise, types and sources) is tested on each page by `residualFilter`.
 *
 * @example
 * storeQueryOf({ ...EMPTY_FILTERS, types: ['engine_output'], text: 'thrust' }); // { eventType: 'engine_output', text: 'thrust' }
 */
export function storeQueryOf(filters: EventFilters): StoredHistoryQuery {
  const query: StoredHistoryQuery = {};
  if (filters.types.length === 1) query.eventType = filters.types[0];
  const correlation = filters.correlationId.trim();
  if (correlation.length === FULL_ID_LENGTH) query.correlationId = correlation;
  const text = filters.text.trim();
  if (text !== '') query.text = text;
  return query;
}

/** What the store's answer must still pass; null when the store applied every filter. */
export function residualFilter(filters: EventFilters): EventPredicate | null {
  // The text was searched by the store (word search); the in-memory substring test would disagree with it.
  const rest: EventFilters = { ...filters, text: '', types: filters.types.length === 1 ? [] : filters.types };
  return isEmptyFilter(rest) ? null : compileFilter(rest);
}
