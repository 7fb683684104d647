import type { EngineId } from '../../../shared/events';
import type { EngineOutcome } from '../../../shared/protocol';
import type { EngineState, SessionState } from '../../../shared/projection';

/** How an engine that is done with a version ended it (undefined: still working on it). */
type SettledKind = 'computed' | 'failed' | 'blocked' | 'stopped';

/**
 * How each engine ended configuration `version`, from the session state: computed, failed
 * (a given-up engine has failed every version until it is restarted), blocked or stopped. Undefined while some engine is still working on it — unless `final`
 * (the wait timed out), when those engines read `unfinished`. Asked after every step of a
 * change, so nothing is built until every engine is done.
 */
export function settledOutcomes(state: SessionState, version: number, timeoutMs: number, final: boolean): EngineOutcome[] | undefined {
  if (!final) {
    for (const engineId of state.engineOrder) {
      const engine = state.engines[engineId];
      if (engine && settledKind(state, engineId, engine, version) === undefined) return undefined;
    }
  }
  const outcomes: EngineOutcome[] = [];
  for (const engineId of state.engineOrder) {
    const engine = state.engines[engineId];
    if (!engine) continue;
    const { condition } = engine;
    switch (settledKind(state, engineId, engine, version)) {
      case 'computed':
        outcomes.push({ engineId, outcome: 'computed', durationMs: engine.lastDurationMs ?? undefined });
        break;
      case 'failed':
      case 'blocked':
        if (condition.kind === 'failed' || condition.kind === 'blocked') outcomes.push({ engineId, outcome: condition.kind, error: condition.reason });
        break;
      case 'stopped':
        outcomes.push({ engineId, outcome: 'failed', error: 'stopped' });
        break;
      case undefined:
        outcomes.push({ engineId, outcome: 'unfinished', error: `no result within ${timeoutMs} ms (still computing)` });
        break;
    }
  }
  return outcomes;
}

function settledKind(state: SessionState, engineId: EngineId, engine: EngineState, version: number): SettledKind | undefined {
  const { condition } = engine;
  if (engine.computedVersion >= version && condition.kind === 'ok' && !state.invalidations[engineId]) return 'computed';
  if ((condition.kind === 'failed' || condition.kind === 'blocked') && (condition.version >= version || (condition.kind === 'failed' && condition.final))) return condition.kind;
  if (condition.kind === 'stopped') return 'stopped';
  return undefined;
}
