import type Database from 'better-sqlite3';
import type { EngineEvent } from '../../shared/events';
import { INITIAL_SESSION_STATE, SessionStateSchema, project, type SessionState } from '../../shared/projection';
import { EVENT_COLUMNS, tupleToEvent, type EventTuple } from './event-rows';
import { checkSeq, checkSessionId, eventKey, sessionKeyRange } from './keys';
import { StoreQuerySchema, buildEventQuery, type StoreQuery } from './store-query';
import { TextTail } from './text-tail';

/** Rows read per step of a fold: memory stays flat however far the nearest snapshot is. */
const FOLD_PAGE = 4096;

/** A stored snapshot: the state after folding every event up to `seq`. */
export interface StoredSnapshot {
  seq: number;
  state: SessionState;
}

/**
 * Reads recorded sessions: history pages with the ring's query semantics (and beyond the ring),
 * single events, and the state at any event — the nearest snapshot at or before it plus the
 * events after it, folded with the same `project` the host runs. Reads see every committed
 * batch; the writer thread never blocks them (WAL).
 *
 * @example
 * const reader = new EventReader(db);
 * const page = reader.events(sessionId, { eventType: 'violation_opened', beforeSeq: oldestShown, limit: 200 });
 * const then = reader.stateAt(sessionId, page[0].seq);
 */
export class EventReader {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly tail: TextTail;
  private readonly byKey: Database.Statement<[number], EventTuple>;
  private readonly maxKey: Database.Statement<[number, number], number | null>;
  private readonly snapshotAtOrBefore: Database.Statement<[number, number], { key: number; state: string }>;
  private readonly eventsBetween: Database.Statement<[number, number, number], EventTuple>;
  private readonly countBetween: Database.Statement<[number, number], number>;
  private readonly timeOrdered: Database.Statement<[number], number>;
  private readonly firstAtOrAfter: Database.Statement<[number, number], number>;
  private readonly lastAtOrBefore: Database.Statement<[number, number], number>;

  constructor(private readonly db: Database.Database) {
    this.tail = new TextTail(db);
    this.byKey = db.prepare<[number], EventTuple>(`SELECT ${EVENT_COLUMNS} FROM events WHERE key = ?`).raw(true);
    this.maxKey = db.prepare<[number, number], number | null>('SELECT max(key) FROM events WHERE key > ? AND key <= ?').pluck();
    this.snapshotAtOrBefore = db.prepare('SELECT key, state FROM snapshots WHERE key > ? AND key <= ? ORDER BY key DESC LIMIT 1');
    this.eventsBetween = db.prepare<[number, number, number], EventTuple>(`SELECT ${EVENT_COLUMNS} FROM events WHERE key > ? AND key <= ? ORDER BY key LIMIT ?`).raw(true);
    this.countBetween = db.prepare<[number, number], number>('SELECT count(*) FROM events WHERE key > ? AND key <= ?').pluck();
    this.timeOrdered = db.prepare<[number], number>('SELECT time_ordered FROM sessions WHERE id = ?').pluck();
    this.firstAtOrAfter = db.prepare<[number, number], number>('SELECT key FROM events WHERE session_id = ? AND timestamp >= ? ORDER BY timestamp, key LIMIT 1').pluck();
    this.lastAtOrBefore = db.prepare<[number, number], number>('SELECT key FROM events WHERE session_id = ? AND timestamp <= ? ORDER BY timestamp DESC, key DESC LIMIT 1').pluck();
  }

  /** Matching events of a session, oldest first (see `StoreQuery`). Throws on an invalid query. */
  events(sessionId: number, query: StoreQuery = {}): EngineEvent[] {
    checkSessionId(sessionId);
    const parsed = StoreQuerySchema.parse(query);
    return this.db.transaction(() => {
      const textTail = parsed.text !== undefined && this.tail.sync(sessionId);
      const timeKeys = this.timeKeys(sessionId, parsed.since, parsed.until);
      if (timeKeys === null) return [];
      const built = buildEventQuery(sessionId, parsed, textTail, timeKeys);
      let statement = this.statements.get(built.sql);
      if (!statement) this.statements.set(built.sql, (statement = this.db.prepare(built.sql).raw(true)));
      const rows = statement.all(built.params) as EventTuple[];
      if (built.newestFirst) rows.reverse();
      return rows.map(tupleToEvent);
    })();
  }

  /**
   * The key range a time filter spans, for a session whose timestamps never go back (then the
   * first event at or after `since` and the last at or before `until` bound every match): a time
   * range becomes a key range, read newest first and cut at `limit` instead of sorting every
   * match (measured: 238 ms → under 1 ms for "since the start, newest 100" over 200,000 events).
   * Undefined when it cannot be used; null when nothing can match.
   */
  private timeKeys(sessionId: number, since: number | undefined, until: number | undefined): { after: number; before: number } | null | undefined {
    if (since === undefined && until === undefined) return undefined;
    if (this.timeOrdered.get(sessionId) !== 1) return undefined;
    const range = { after: 0, before: Infinity };
    if (since !== undefined) {
      const first = this.firstAtOrAfter.get(sessionId, since);
      if (first === undefined) return null;
      range.after = first - 1;
    }
    if (until !== undefined) {
      const last = this.lastAtOrBefore.get(sessionId, until);
      if (last === undefined) return null;
      range.before = last + 1;
    }
    return range;
  }

  /** The event at `seq`, if stored. */
  eventAt(sessionId: number, seq: number): EngineEvent | undefined {
    const row = this.byKey.get(eventKey(checkSessionId(sessionId), checkSeq(seq)));
    return row && tupleToEvent(row);
  }

  /** Stored events of a session in (afterSeq, throughSeq]. */
  count(sessionId: number, afterSeq: number, throughSeq: number): number {
    return this.countBetween.get(eventKey(checkSessionId(sessionId), checkSeq(afterSeq)), eventKey(sessionId, checkSeq(throughSeq))) ?? 0;
  }

  /** The session's newest stored seq (0 = none). */
  lastSeq(sessionId: number): number {
    const { first, last } = sessionKeyRange(checkSessionId(sessionId));
    const key = this.maxKey.get(first, last);
    return key === null || key === undefined ? 0 : key - first;
  }

  /**
   * The newest valid snapshot at or before `seq`. A snapshot that no longer parses (written by an
   * older projection) is skipped: snapshots are a cache, an earlier one gives the same state.
   */
  nearestSnapshot(sessionId: number, seq: number): StoredSnapshot | undefined {
    const { first } = sessionKeyRange(checkSessionId(sessionId));
    for (let through = eventKey(sessionId, checkSeq(seq)); ; ) {
      const row = this.snapshotAtOrBefore.get(first, through);
      if (!row) return undefined;
      const parsed = SessionStateSchema.safeParse(JSON.parse(row.state));
      if (parsed.success) return { seq: row.key - first, state: parsed.data };
      through = row.key - 1;
    }
  }

  /** Folds the events (afterSeq, throughSeq] of a session onto `from`, a page at a time. */
  fold(sessionId: number, from: SessionState, afterSeq: number, throughSeq: number): { state: SessionState; folded: number; lastEvent: EngineEvent | undefined } {
    let state = from;
    let folded = 0;
    let lastEvent: EngineEvent | undefined;
    const last = eventKey(sessionId, throughSeq);
    for (let after = eventKey(sessionId, afterSeq); after < last; ) {
      const rows = this.eventsBetween.all(after, last, FOLD_PAGE);
      for (const row of rows) {
        lastEvent = tupleToEvent(row);
        state = project(state, lastEvent);
      }
      folded += rows.length;
      if (rows.length < FOLD_PAGE) break;
      after = (rows[rows.length - 1] as EventTuple)[0];
    }
    return { state, folded, lastEvent };
  }

  /** The session state as of event `seq` (after folding it): nearest snapshot + the events after it. */
  stateAt(sessionId: number, seq: number): SessionState {
    return this.db.transaction(() => {
      const snapshot = this.nearestSnapshot(sessionId, seq);
      return this.fold(sessionId, snapshot?.state ?? INITIAL_SESSION_STATE, snapshot?.seq ?? 0, checkSeq(seq)).state;
    })();
  }

  /** Events (afterSeq, throughSeq] oldest first, `pageSize` at a time: the connection is free between pages. */
  *pages(sessionId: number, afterSeq: number, throughSeq: number, pageSize = 1000): Generator<EngineEvent[]> {
    const page = this.db.prepare<[number, number, number], EventTuple>(`SELECT ${EVENT_COLUMNS} FROM events WHERE key > ? AND key <= ? ORDER BY key LIMIT ?`).raw(true);
    for (let after = afterSeq; after < throughSeq; ) {
      const rows = page.all(eventKey(sessionId, after), eventKey(sessionId, throughSeq), pageSize);
      if (rows.length === 0) return;
      const events = rows.map(tupleToEvent);
      after = (events[events.length - 1] as EngineEvent).seq;
      yield events;
    }
  }
}
