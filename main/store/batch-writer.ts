import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, rowBytes, type EventRow } from './event-rows';
import { eventKey, sessionKeyRange } from './keys';

/** Rows of one session to append, and optionally the state through `snapshot.seq` as JSON. */
export interface SessionRows {
  sessionId: number;
  rows: readonly EventRow[];
  snapshot?: { seq: number; state: string };
}

/** What one commit added to a session. */
export interface Committed {
  sessionId: number;
  /** The session's last stored seq after the commit. */
  lastSeq: number;
  /** Events written. */
  events: number;
  bytes: number;
}

/**
 * The session a batch belongs to is not in the store (deleted while it was recorded?): the batch
 * is given up, not retried.
 *
 * @example
 * if (error instanceof MissingSessionError) console.warn(`session ${error.sessionId} is gone`);
 */
export class MissingSessionError extends Error {
  constructor(readonly sessionId: number) {
    super(`session ${sessionId} is not in the store`);
    this.name = 'MissingSessionError';
  }
}

interface SessionCursor {
  lastSeq: number;
  textSeq: number;
  /** The timestamp of the event at lastSeq (null: none yet), and whether timestamps have never gone back. */
  lastTimestamp: number | null;
  timeOrdered: number;
}

/**
 * Appends events to sessions: rows, targets, snapshots and the session's counters in one
 * transaction per `write` (a failed write leaves nothing, so it can be retried as it is); a seq
 * the session already holds fails the write (primary key). The full-text index is fed in the same
 * transaction while it is caught up and the caller is not behind (`indexText`); otherwise it
 * trails the events and `indexTextBacklog` catches it up later in transactions of its own: it
 * adds 36 % (synthetic) to 60 % (real engine payloads) to the insert time, measured, and a flood
 * must not wait for it (text queries cover the trailing rows too, see `TextTail`).
 *
 * @example
 * const writer = new BatchWriter(db);
 * writer.write([{ sessionId, rows: decodeBatch(batch) }], { indexText: true });
 */
export class BatchWriter {
  private readonly cursors = new Map<number, SessionCursor>();
  private readonly insertEvent: Database.Statement;
  private readonly insertTargets: Database.Statement;
  private readonly insertSnapshot: Database.Statement;
  private readonly indexTextRange: Database.Statement;
  private readonly updateSession: Database.Statement;
  private readonly readCursor: Database.Statement<[number], SessionCursor>;
  private readonly findBacklog: Database.Statement<[], { id: number; lastSeq: number; textSeq: number }>;
  private readonly markUnordered: Database.Statement<[number]>;
  private readonly writeAll: (batches: readonly SessionRows[], indexText: boolean) => Committed[];

  constructor(private readonly db: Database.Database) {
    this.insertEvent = db.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertTargets = db.prepare('INSERT OR IGNORE INTO event_targets (target, key) SELECT value, ? FROM json_each(?)');
    this.insertSnapshot = db.prepare('INSERT OR REPLACE INTO snapshots (key, state) VALUES (?, ?)');
    this.indexTextRange = db.prepare('INSERT INTO events_text (rowid, payload) SELECT key, payload FROM events WHERE key > ? AND key <= ?');
    this.updateSession = db.prepare(
      'UPDATE sessions SET last_seq = ?, event_count = event_count + ?, bytes = bytes + ?, text_seq = ? WHERE id = ?'
    );
    this.readCursor = db.prepare(
      'SELECT last_seq AS lastSeq, text_seq AS textSeq, time_ordered AS timeOrdered, (SELECT timestamp FROM events WHERE key = s.id * 4294967296 + s.last_seq) AS lastTimestamp FROM sessions s WHERE id = ?'
    );
    this.markUnordered = db.prepare('UPDATE sessions SET time_ordered = 0 WHERE id = ?');
    this.findBacklog = db.prepare('SELECT id, last_seq AS lastSeq, text_seq AS textSeq FROM sessions WHERE text_seq < last_seq ORDER BY id LIMIT 1');
    this.writeAll = db.transaction((batches: readonly SessionRows[], indexText: boolean) =>
      batches.map((batch) => this.writeSession(batch, indexText))
    );
  }

  /** Writes every batch in one transaction; throws (and writes nothing) if any part fails. */
  write(batches: readonly SessionRows[], options: { indexText: boolean }): Committed[] {
    try {
      return this.writeAll(batches, options.indexText);
    } catch (error) {
      // The cursors moved inside the rolled-back transaction: read them again next time.
      this.cursors.clear();
      throw error;
    }
  }

  /**
   * Feeds up to `maxRows` trailing rows of one session into the full-text index, in one
   * transaction. Returns the rows indexed (0 = nothing trails).
   */
  indexTextBacklog(maxRows: number): number {
    return this.db.transaction(() => {
      const backlog = this.findBacklog.get();
      if (!backlog) return 0;
      const through = Math.min(backlog.lastSeq, backlog.textSeq + maxRows);
      const indexed = this.indexTextRange.run(eventKey(backlog.id, backlog.textSeq), eventKey(backlog.id, through)).changes;
      this.updateSession.run(backlog.lastSeq, 0, 0, through, backlog.id);
      this.cursors.delete(backlog.id);
      return Math.max(indexed, 1);
    })();
  }

  private writeSession(batch: SessionRows, indexText: boolean): Committed {
    const { sessionId } = batch;
    const cursor = this.cursor(sessionId);
    const { first: sessionStart } = sessionKeyRange(sessionId);
    const storedThrough = eventKey(sessionId, cursor.lastSeq);
    const textCaughtUp = cursor.textSeq === cursor.lastSeq;
    let bytes = 0;
    let lastKey = storedThrough;
    let ordered = cursor.timeOrdered === 1;
    let previous = cursor.lastTimestamp ?? -Infinity;
    for (const row of batch.rows) {
      if (row.timestamp < previous) ordered = false;
      previous = row.timestamp;
      this.insertEvent.run(
        row.key,
        row.event_id,
        row.type,
        row.source,
        row.targets,
        row.correlation_id,
        row.causation_id,
        row.timestamp,
        row.config_version,
        row.priority,
        row.requires_response,
        row.payload
      );
      if (row.targets !== null) this.insertTargets.run(row.key, row.targets);
      lastKey = Math.max(lastKey, row.key);
      bytes += rowBytes(row);
    }
    const events = batch.rows.length;
    const lastSeq = lastKey - sessionStart;
    if (indexText && textCaughtUp && events > 0) {
      this.indexTextRange.run(storedThrough, lastKey);
      cursor.textSeq = lastSeq;
    }
    if (batch.snapshot && batch.snapshot.seq <= lastSeq) {
      this.insertSnapshot.run(eventKey(sessionId, batch.snapshot.seq), batch.snapshot.state);
      bytes += batch.snapshot.state.length;
    }
    if (this.updateSession.run(lastSeq, events, bytes, cursor.textSeq, sessionId).changes === 0) throw new MissingSessionError(sessionId);
    if (!ordered && cursor.timeOrdered === 1) {
      // A clock that went back (a continued session, an adjusted system clock): time ranges take the time index from now on.
      this.markUnordered.run(sessionId);
      cursor.timeOrdered = 0;
    }
    cursor.lastSeq = lastSeq;
    cursor.lastTimestamp = events > 0 ? previous : cursor.lastTimestamp;
    return { sessionId, lastSeq, events, bytes };
  }

  private cursor(sessionId: number): SessionCursor {
    let cursor = this.cursors.get(sessionId);
    if (!cursor) {
      cursor = this.readCursor.get(sessionId);
      if (!cursor) throw new MissingSessionError(sessionId);
      this.cursors.set(sessionId, cursor);
    }
    return cursor;
  }
}
