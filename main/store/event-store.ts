import type Database from 'better-sqlite3';
import type { Disposable } from '../../shared/disposable';
import type { EventLog } from '../core/log/event-log';
import type { CommitQueueOptions } from './commit-queue';
import { EventReader } from './event-reader';
import { EventRecorder, type RecorderOptions } from './recorder';
import { recoverSession, type RecoveredSession } from './recovery';
import { openStoreDatabase, type OpenOptions } from './schema';
import { SessionCatalog, type SessionInfo } from './session-catalog';
import { exportSession, type ExportSummary } from './session-export';
import { importSession, type ImportOptions } from './session-import';
import { InlineSink, WorkerSink } from './writer-sinks';

export interface RecordOptions extends RecorderOptions {
  /**
   * Commit on this thread instead of a worker thread. Forced for an in-memory store (a worker
   * cannot share it); costs the bus ~5 µs per event, so only for tests and tools.
   */
  inline?: boolean;
  /** Tuning of the writer (rows per commit, retry backoff). */
  queue?: CommitQueueOptions;
  /** The writer's wait for a lock held by another connection before a commit fails (and is retried). Default 5000 ms. */
  busyTimeoutMs?: number;
  /**
   * How much lower than the bus the writer thread runs (nice increment; Linux only, where a thread
   * has its own). When other processes keep both cores busy, a niced writer lets the bus run
   * faster but commits later. Measured on 2 busy cores: a 500,000-event flood ran at 45 % of the
   * bus's speed alone with 0, 72 % with 10, 77 % with 19 (events committed about as fast); but
   * with 10, a kill -9 under the same load lost 50–160 ms of events instead of 11–25 ms. Default
   * 0: the loss bound comes first.
   */
  writerNice?: number;
  /** The worker script (for a bundled build that places it elsewhere). */
  workerUrl?: URL;
}

/**
 * The embedded event store: one SQLite file per workspace holding every recorded session. The
 * only module family that talks to SQLite. Reads run on this connection; recording commits in a
 * worker thread with its own connection (WAL lets both work at once).
 *
 * @example
 * const store = EventStore.open(join(app.getPath('userData'), 'flightdeck.db'));
 * const session = store.sessions.create({ name: 'Storm test', aircraft: 'F-22A' });
 * const recorder = store.record(coordinator.log, { sessionId: session.id, state: () => coordinator.state });
 * store.reader.events(session.id, { correlationId, limit: 100 });
 * // after a crash:
 * const { state, lastSeq, configVersion } = store.recover(session.id);
 */
export class EventStore implements Disposable {
  readonly sessions: SessionCatalog;
  readonly reader: EventReader;
  private readonly recorders = new Set<EventRecorder>();

  private constructor(
    readonly path: string,
    private readonly db: Database.Database
  ) {
    this.sessions = new SessionCatalog(db);
    this.reader = new EventReader(db);
  }

  /** Opens (creating if needed) the store at `path`; `':memory:'` for a private in-memory one. */
  static open(path: string, options: OpenOptions = {}): EventStore {
    return new EventStore(path, openStoreDatabase(path, options));
  }

  get inMemory(): boolean {
    return this.db.memory;
  }

  /**
   * Starts recording every event the log appends from now on into `options.sessionId`. A session
   * that already holds events takes only a log that continues its numbering (see `recover`).
   */
  record(log: EventLog, options: RecordOptions): EventRecorder {
    const session = this.sessions.get(options.sessionId);
    if (!session) throw new Error(`session ${options.sessionId} is not in the store`);
    if (log.lastSeq < session.lastSeq) {
      throw new Error(`session ${session.id} holds events up to seq ${session.lastSeq} and the log is at ${log.lastSeq}: continue its numbering (recover(), EventLogOptions.lastSeq)`);
    }
    const inline = options.inline === true || this.db.memory;
    const recorder = new EventRecorder(log, options, (report, uncommittedEvents) =>
      inline
        ? new InlineSink(this.db, report, options.queue)
        : new WorkerSink(
            {
              path: this.path,
              busyTimeoutMs: options.busyTimeoutMs ?? 5000,
              queue: options.queue ?? {},
              writerNice: options.writerNice ?? 0,
              uncommittedEvents,
              workerUrl: options.workerUrl
            },
            report
          )
    );
    this.recorders.add(recorder);
    return recorder;
  }

  /** The state, last seq and configuration version a crashed (or closed) session continues from. */
  recover(sessionId: number): RecoveredSession {
    return this.db.transaction(() => recoverSession(this.reader, sessionId))();
  }

  exportSession(sessionId: number, file: string): Promise<ExportSummary> {
    return exportSession(this.reader, this.sessions, sessionId, file);
  }

  /** Imports a session file as a new session; a bad file throws a `SessionFileError` and changes nothing. */
  importSession(file: string, options: ImportOptions = {}): Promise<SessionInfo> {
    return importSession(this.db, this.sessions, file, options);
  }

  /** Closes every recorder (committing what they hold), then the database. */
  async close(): Promise<void> {
    await Promise.all([...this.recorders].map((recorder) => recorder.close()));
    this.recorders.clear();
    if (this.db.open) this.db.close();
  }

  dispose(): void {
    void this.close().catch(() => undefined);
  }
}
