import type { EngineEvent, StoredHistoryQuery } from '../../shared/events';
import type { SessionState } from '../../shared/projection';
import type { RecordedSession, StoreHealth } from '../../shared/protocol';
import type { SessionRecording } from '../host/session-recording';
import type { EventRecorder, EventStore } from '../store';

/** The host's view of the workspace store: the live session's recorder and every recorded session. */
export class StoreRecording implements SessionRecording {
  constructor(
    private readonly store: EventStore,
    private readonly recorder: EventRecorder
  ) {}

  get liveSessionId(): number {
    return this.recorder.sessionId;
  }

  sessions(): RecordedSession[] {
    return this.store.sessions.list();
  }

  health(): StoreHealth {
    const health = this.recorder.health();
    return {
      path: this.store.path,
      committedSeq: health.committedSeq,
      lagEvents: health.lagEvents,
      lagMs: health.lagMs,
      eventsPerSec: health.eventsPerSec,
      dbBytes: health.dbBytes,
      failures: health.failures,
      lostEvents: health.lostEvents,
      lastError: health.lastError
    };
  }

  flush(): Promise<void> {
    return this.recorder.flush();
  }

  events(sessionId: number, query: StoredHistoryQuery): EngineEvent[] {
    return this.store.reader.events(sessionId, query);
  }

  eventAt(sessionId: number, seq: number): EngineEvent | undefined {
    return this.store.reader.eventAt(sessionId, seq);
  }

  lastSeq(sessionId: number): number {
    return this.store.reader.lastSeq(sessionId);
  }

  stateAt(sessionId: number, seq: number): SessionState {
    return this.store.reader.stateAt(sessionId, seq);
  }

  async exportFile(sessionId: number, file: string): Promise<{ events: number; bytes: number }> {
    if (sessionId === this.liveSessionId) await this.recorder.flush();
    return this.store.exportSession(sessionId, file);
  }

  importFile(file: string, name?: string): Promise<RecordedSession> {
    return this.store.importSession(file, { name });
  }

  *allEvents(sessionId: number): Iterable<EngineEvent> {
    for (const page of this.store.reader.pages(sessionId, 0, this.lastSeq(sessionId))) yield* page;
  }
}
