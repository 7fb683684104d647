import type { EngineEvent, StoredHistoryQuery } from '../../shared/events';
import type { SessionState } from '../../shared/projection';
import type { RecordedSession, StoreHealth } from '../../shared/protocol';

/**
 * What the host reads of the recorded sessions (the workspace store implements it; the host
 * never touches SQLite). Reads of the live session see every event it appended: the recorder is
 * flushed first.
 */
export interface SessionRecording {
  /** The stored session the live log is recorded into. */
  readonly liveSessionId: number;
  /** Newest first. */
  sessions(): RecordedSession[];
  health(): StoreHealth;
  /** Resolves once every event the live log appended so far is committed. */
  flush(): Promise<void>;
  /** One page of a session's events, oldest first (`StoredHistoryQuery` semantics). */
  events(sessionId: number, query: StoredHistoryQuery): EngineEvent[];
  eventAt(sessionId: number, seq: number): EngineEvent | undefined;
  lastSeq(sessionId: number): number;
  /** The state as of `seq`: nearest snapshot and the events after it, folded with `project`. */
  stateAt(sessionId: number, seq: number): SessionState;
  /** Every event of a session in order, read a page at a time (for re-judging). */
  allEvents(sessionId: number): Iterable<EngineEvent>;
  /** Writes a session to a gzip JSON-lines file (streamed; the file appears once complete). */
  exportFile(sessionId: number, file: string): Promise<{ events: number; bytes: number }>;
  /** Imports a session file as a new session; a bad file throws an error naming the problem and line, and changes nothing. */
  importFile(file: string, name?: string): Promise<RecordedSession>;
}
