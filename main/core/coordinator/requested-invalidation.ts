import { randomUUID } from 'node:crypto';
import type { EngineId, EventInput } from '../../../shared/events';
import type { EngineState } from '../../../shared/projection';

/**
 * The invalidation a user asks for ("recompute this engine"): the engine is its own origin at hop
 * 0, and `reason` stands where a rule id would in the staleness chain, so views say why.
 *
 * @example
 * publish(requestedInvalidation('sensors', state.engines.sensors, 'manual refresh', 'coordinator'));
 */
export function requestedInvalidation(engineId: EngineId, engine: EngineState | undefined, reason: string, requester: EngineId): EventInput<'data_invalidated'> {
  return {
    eventType: 'data_invalidated',
    sourceEngine: requester,
    targetEngines: [engineId],
    data: {
      engineId,
      originEngine: engineId,
      version: engine?.computedVersion ?? 0,
      hop: 0,
      fields: [],
      fromEngines: [requester],
      rules: [],
      propagationId: randomUUID(),
      chain: [{ engineId, fromEngine: requester, ruleId: reason, fields: [], eventId: engine?.outputEventId ?? '', at: Date.now() }]
    }
  };
}
