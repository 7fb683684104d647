import type { StaleEngine, StalenessHop } from '../../../shared/consistency';
import type { EngineId } from '../../../shared/events';
import type { EngineOutcome } from './types';

/**
 * Why each engine that did not compute a configuration version is stale: a failed engine
 * is its own origin; a blocked one names the failed engine it waited on and the dependency
 * path between them, so "why is aerodynamics stale?" reads "propulsion failed → aerodynamics
 * depends on propulsion".
 */
export function staleAfterChange(
  outcomes: readonly EngineOutcome[],
  version: number,
  eventId: string,
  correlationId: string,
  dependenciesOf: (engineId: EngineId) => readonly EngineId[]
): StaleEngine[] {
  const at = Date.now();
  const byId = new Map(outcomes.map((o) => [o.engineId, o]));
  const notComputed = (id: EngineId): boolean => {
    const outcome = byId.get(id)?.outcome;
    return outcome !== undefined && outcome !== 'computed';
  };
  const hop = (engineId: EngineId, fromEngine: EngineId, ruleId: string): StalenessHop => ({
    engineId,
    fromEngine,
    ruleId,
    fields: ['configVersion'],
    eventId,
    at
  });
  /** Depth-first down the dependencies that did not compute, to the engine that failed. */
  const pathToFailure = (engineId: EngineId, seen: Set<EngineId>): EngineId[] | undefined => {
    const outcome = byId.get(engineId)?.outcome;
    if (outcome === 'failed' || outcome === 'unfinished') return [engineId];
    for (const dep of dependenciesOf(engineId)) {
      if (!notComputed(dep) || seen.has(dep)) continue;
      seen.add(dep);
      const path = pathToFailure(dep, seen);
      if (path) return [...path, engineId];
    }
    return undefined;
  };
  return outcomes
    .filter((o) => o.outcome !== 'computed')
    .map((o) => {
      const path = pathToFailure(o.engineId, new Set([o.engineId])) ?? [o.engineId];
      const origin = path[0] as EngineId;
      const originError = byId.get(origin)?.error ?? 'no result';
      const chain = path.map((id, index) => (index === 0 ? hop(id, id, 'compute') : hop(id, path[index - 1] as EngineId, 'depends_on')));
      return {
        engineId: o.engineId,
        originEngine: origin,
        propagationId: correlationId,
        correlationId,
        since: at,
        reason:
          origin === o.engineId
            ? `could not compute configuration v${version}: ${originError}`
            : `waits on ${origin}, which could not compute configuration v${version}: ${originError}`,
        chain
      };
    });
}
