import type { EngineId } from '../../../shared/events';
import { currentVersion, engineStatus, supervisionOf, type EngineCondition, type EngineStatus, type SessionState } from '../../../shared/projection';

/**
 * What decides the line a view shows under an engine's status word. Flat values only, so a
 * graph node compares them field by field and re-renders only when one changed. (A type, not an
 * interface: React Flow's node data must be a plain record.)
 */
export type ConditionFacts = {
  status: EngineStatus;
  computedVersion: number;
  configVersion: number;
  /** Where a blocked engine's wait starts: the engine that could not compute (else null). */
  blockedOn: EngineId | null;
  /** The given-up engines a degraded engine was computed from (else empty). */
  degradedBy: readonly EngineId[];
  /** When the supervisor restarts a failed engine (epoch ms), else null. */
  retryAt: number | null;
  /** Restarts this session of an engine its supervisor gave up, else null. */
  givenUpAfterRestarts: number | null;
};

/** The first engine of a block's chain (the one that failed), else the first it waits on. */
function blockedOrigin(condition: Extract<EngineCondition, { kind: 'blocked' }>): EngineId | null {
  return condition.chain[0]?.engineId ?? condition.blockedBy[0] ?? null;
}

/** Reads an engine's condition facts from the session state. */
export function conditionFacts(state: SessionState, engineId: EngineId): ConditionFacts {
  const engine = state.engines[engineId];
  const supervision = supervisionOf(state, engineId);
  const status = engineStatus(state, engineId);
  return {
    status,
    computedVersion: engine?.computedVersion ?? 0,
    configVersion: currentVersion(state),
    blockedOn: status === 'blocked' && engine?.condition.kind === 'blocked' ? blockedOrigin(engine.condition) : null,
    degradedBy: supervision.kind === 'degraded' ? supervision.by : [],
    retryAt: supervision.kind === 'retry-pending' ? supervision.retryAt : null,
    givenUpAfterRestarts: supervision.kind === 'given-up' ? supervision.restarts : null
  };
}
