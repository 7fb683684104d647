import type { EngineOutcome } from '../../../shared/protocol';
import type { SessionState } from '../../../shared/projection';

/**
 * How each engine ended configuration `version`, from the session state: computed, failed
 * (a given-up engine has failed every version until it is restarted), blocked or stopped. Undefined while some engine is still working on it — unless `final`
 * (the wait timed out), when those engines read `unfinished`.
 */
export function settledOutcomes(state: SessionState, version: number, timeoutMs: number, final: boolean): EngineOutcome[] | undefined {
  const outcomes: EngineOutcome[] = [];
  for (const engineId of state.engineOrder) {
    const engine = state.engines[engineId];
    if (!engine) continue;
    const { condition } = engine;
    if (engine.computedVersion >= version && condition.kind === 'ok' && !state.invalidations[engineId]) {
      outcomes.push({ engineId, outcome: 'computed', durationMs: engine.lastDurationMs ?? undefined });
    } else if ((condition.kind === 'failed' || condition.kind === 'blocked') && (condition.version >= version || (condition.kind === 'failed' && condition.final))) {
      outcomes.push({ engineId, outcome: condition.kind, error: condition.reason });
    } else if (condition.kind === 'stopped') {
      outcomes.push({ engineId, outcome: 'failed', error: 'stopped' });
    } else if (final) {
      outcomes.push({ engineId, outcome: 'unfinished', error: `no result within ${timeoutMs} ms (still computing)` });
    } else {
      return undefined;
    }
  }
  return outcomes;
}
