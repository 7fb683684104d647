import { INITIAL_SESSION_STATE, currentVersion, type SessionState } from '../../shared/projection';
import type { EventReader } from './event-reader';

/** Where a recorded session stopped: enough for the coordinator to continue it. */
export interface RecoveredSession {
  sessionId: number;
  /** The projection of every stored event. */
  state: SessionState;
  /** The newest stored seq: the new log continues numbering after it (`EventLogOptions.lastSeq`). */
  lastSeq: number;
  /**
   * The configuration version to continue with (`EventLogOptions.configVersion`): the newest of the
   * last configuration the session applied and the version its last event carried, so it never goes back.
   */
  configVersion: number;
  /** The snapshot the state was rebuilt from (0 = from the start) and the events folded after it. */
  snapshotSeq: number;
  replayedEvents: number;
}

/**
 * Rebuilds a session after a crash (or to reopen it): the newest snapshot plus the events after
 * it, folded with the projection — the state the host had when the last batch was committed.
 *
 * @example
 * const { state, lastSeq, configVersion } = recoverSession(reader, sessionId);
 * const log = new EventLog({ lastSeq, configVersion });
 */
export function recoverSession(reader: EventReader, sessionId: number): RecoveredSession {
  const lastSeq = reader.lastSeq(sessionId);
  const snapshot = reader.nearestSnapshot(sessionId, lastSeq);
  const snapshotSeq = snapshot?.seq ?? 0;
  const { state, folded, lastEvent } = reader.fold(sessionId, snapshot?.state ?? INITIAL_SESSION_STATE, snapshotSeq, lastSeq);
  const last = lastEvent ?? (lastSeq > 0 ? reader.eventAt(sessionId, lastSeq) : undefined);
  return {
    sessionId,
    state,
    lastSeq,
    configVersion: Math.max(currentVersion(state), last?.configVersion ?? 0),
    snapshotSeq,
    replayedEvents: folded
  };
}
