import { z } from 'zod';
import {
  EVENT_TYPES,
  EventEnvelopeSchema,
  type EngineId,
  type EventEnvelope,
  type EventType,
  type Priority
} from './envelope';
import { EVENT_PAYLOADS, type EventPayloads } from './payloads';

/**
 * One event of the log: the envelope plus the typed payload of its type. `EngineEvent` alone is
 * the union over every type, so a `switch (event.eventType)` narrows `data`.
 *
 * @example
 * function onEvent(event: EngineEvent): void {
 *   if (event.eventType === 'engine_output') console.log(event.data.changedFields);
 * }
 */
export type EngineEvent<K extends EventType = EventType> = {
  [T in K]: EventEnvelope & { eventType: T; data: EventPayloads[T] };
}[K];

/**
 * What a publisher supplies; the log adds `seq`, `eventId` and `timestamp`, the bus the defaults.
 * Typed per event type: a payload that does not match its type is a compile error.
 */
export type EventInput<K extends EventType = EventType> = {
  [T in K]: {
    eventType: T;
    sourceEngine: EngineId;
    data: EventPayloads[T];
    targetEngines?: EngineId[];
    priority?: Priority;
    requiresResponse?: boolean;
    correlationId?: string;
    causationId?: string | null;
    /** Default: the session's current configuration version. */
    configVersion?: number;
  };
}[K];

/** The schema of one event type's full event (envelope + payload). */
export function eventSchemaOf<K extends EventType>(eventType: K) {
  return EventEnvelopeSchema.extend({ eventType: z.literal(eventType), data: EVENT_PAYLOADS[eventType] });
}

/** Any event, parsed at a boundary (file, socket, another process): envelope and payload. */
export const EngineEventSchema = z.discriminatedUnion(
  'eventType',
  EVENT_TYPES.map((type) => eventSchemaOf(type)) as unknown as [
    ReturnType<typeof eventSchemaOf<EventType>>,
    ...ReturnType<typeof eventSchemaOf<EventType>>[]
  ]
) as unknown as z.ZodType<EngineEvent>;
