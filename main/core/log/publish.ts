import type { EventInput, EventType } from '../../../shared/events';

/** What publishing returns: the event's id and its position in the log. */
export interface Published {
  eventId: string;
  seq: number;
}

/** Publishes a typed event (normally `bus.publish`); a payload that does not match its type does not compile. */
export type Publish = <K extends EventType>(input: EventInput<K>) => Published;
