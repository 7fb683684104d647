import type { EngineEvent, EventType, Priority } from '../../../shared/events';

/** Builds a valid event for unit tests; `n` makes ids and timestamps distinct. */
export function makeEvent(n: number, overrides: Partial<EngineEvent> = {}): EngineEvent {
  return {
    eventId: `e${n}`,
    eventType: 'engine_output' as EventType,
    sourceEngine: 'design',
    priority: 'NORMAL' as Priority,
    timestamp: 1_000_000 + n,
    data: { n },
    metadata: {},
    requiresResponse: false,
    correlationId: `c${Math.floor(n / 10)}`,
    causationId: null,
    ...overrides
  };
}
