import type { EngineEvent, EventEnvelope, EventPayloads, EventType } from '../../../shared/events';

/**
 * Builds a valid event for unit tests: `seq` makes the id, the timestamp and the log position
 * distinct; the payload is typed by the event type.
 *
 * @example
 * makeEvent(3, 'synthetic_load', { n: 3 }, { sourceEngine: 'load_generator' });
 */
export function makeEvent<K extends EventType>(seq: number, eventType: K, data: EventPayloads[K], envelope: Partial<EventEnvelope> = {}): EngineEvent<K> {
  return {
    seq,
    eventId: `e${seq}`,
    sourceEngine: 'design',
    priority: 'NORMAL',
    timestamp: 1_000_000 + seq,
    configVersion: 0,
    requiresResponse: false,
    correlationId: `c${Math.floor(seq / 10)}`,
    causationId: null,
    ...envelope,
    eventType,
    data
  } as EngineEvent<K>;
}
