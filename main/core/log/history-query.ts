import type { EngineEvent, HistoryQuery } from '../../../shared/events';
import type { RingBuffer } from '../../../shared/ring-buffer';

function matches(event: EngineEvent, query: HistoryQuery): boolean {
  if (query.eventType !== undefined && event.eventType !== query.eventType) return false;
  if (query.sourceEngine !== undefined && event.sourceEngine !== query.sourceEngine) return false;
  if (query.correlationId !== undefined && event.correlationId !== query.correlationId) return false;
  if (query.afterSeq !== undefined && event.seq <= query.afterSeq) return false;
  if (query.since !== undefined && event.timestamp < query.since) return false;
  if (query.until !== undefined && event.timestamp > query.until) return false;
  if (query.targetEngine !== undefined) {
    // A broadcast reaches every engine, so it matches any target filter.
    if (event.targetEngines && !event.targetEngines.includes(query.targetEngine)) return false;
  }
  return true;
}

/**
 * Filters the log's history window, oldest first. With `limit`, keeps the newest `limit`
 * matches (scanning from the newest end, so a small limit on a full window stays cheap; an
 * `afterSeq` query stops at that position).
 */
export function queryHistory(history: RingBuffer<EngineEvent>, query: HistoryQuery): EngineEvent[] {
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const newestFirst: EngineEvent[] = [];
  for (let i = history.size - 1; i >= 0 && newestFirst.length < limit; i--) {
    const event = history.at(i) as EngineEvent;
    if (query.afterSeq !== undefined && event.seq <= query.afterSeq) break;
    if (matches(event, query)) newestFirst.push(event);
  }
  return newestFirst.reverse();
}
