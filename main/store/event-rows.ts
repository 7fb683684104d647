import type { EngineEvent } from '../../shared/events';
import { eventKey } from './keys';

/** One row of the `events` table, as written and as read back. */
export interface EventRow {
  key: number;
  event_id: string;
  type: string;
  source: string;
  /** JSON array of engine ids; null = broadcast. */
  targets: string | null;
  correlation_id: string;
  causation_id: string | null;
  timestamp: number;
  config_version: number;
  priority: string;
  /** 0 or 1. */
  requires_response: number;
  /** The event's `data` as JSON. */
  payload: string;
}

/** The columns of `events` in `EventRow` order, for INSERT and SELECT. */
export const EVENT_COLUMNS =
  'key, event_id, type, source, targets, correlation_id, causation_id, timestamp, config_version, priority, requires_response, payload';

/** Stored text of a row: what a session's `bytes` counts (indexes and pages come on top). */
export function rowBytes(row: EventRow): number {
  return 40 + row.event_id.length + row.type.length + row.source.length + (row.targets?.length ?? 0) + row.correlation_id.length + (row.causation_id?.length ?? 0) + row.payload.length;
}

/**
 * The row of an event. `queueWaitMs` is left out: it is a delivery diagnostic the bus stamps
 * after the event was logged, not a fact of the log.
 */
export function eventToRow(sessionId: number, event: EngineEvent): EventRow {
  return {
    key: eventKey(sessionId, event.seq),
    event_id: event.eventId,
    type: event.eventType,
    source: event.sourceEngine,
    targets: event.targetEngines === undefined ? null : JSON.stringify(event.targetEngines),
    correlation_id: event.correlationId,
    causation_id: event.causationId,
    timestamp: event.timestamp,
    config_version: event.configVersion,
    priority: event.priority,
    requires_response: event.requiresResponse ? 1 : 0,
    payload: JSON.stringify(event.data)
  };
}

/** A row read in raw mode: the `EVENT_COLUMNS` values in order (measured: half the cost of a row object). */
export type EventTuple = [number, string, string, string, string | null, string, string | null, number, number, string, number, string];

/** The event a stored row holds (the store wrote it from a typed event; it is not parsed again). */
export function tupleToEvent(row: EventTuple): EngineEvent {
  const event = {
    seq: row[0] % 2 ** 32,
    eventId: row[1],
    eventType: row[2],
    sourceEngine: row[3],
    priority: row[9],
    timestamp: row[7],
    configVersion: row[8],
    requiresResponse: row[10] === 1,
    correlationId: row[5],
    causationId: row[6],
    data: JSON.parse(row[11]) as unknown
  } as EngineEvent;
  if (row[4] !== null) event.targetEngines = JSON.parse(row[4]) as string[];
  return event;
}
