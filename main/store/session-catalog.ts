import type Database from 'better-sqlite3';
import { MAX_SESSION_ID, checkSessionId, sessionKeyRange } from './keys';

/** A recorded session as the session list shows it. */
export interface SessionInfo {
  id: number;
  name: string;
  aircraft: string | null;
  /** Epoch ms. */
  startedAt: number;
  /** Epoch ms; null while recording — or when the recording process died (crash recovery reopens it). */
  endedAt: number | null;
  lastSeq: number;
  eventCount: number;
  /** Text stored for the session's events and snapshots (indexes and free pages come on top). */
  bytes: number;
}

export interface NewSession {
  name: string;
  aircraft?: string | null;
  /** Default: now. */
  startedAt?: number;
}

export interface RetentionPolicy {
  /** Keep at most this many sessions (the newest). */
  keepLast?: number;
  /** Keep the newest sessions whose bytes add up to at most this. */
  maxBytes?: number;
  /** Never deleted (the live session). */
  keep?: readonly number[];
}

interface SessionRow {
  id: number;
  name: string;
  aircraft: string | null;
  started_at: number;
  ended_at: number | null;
  last_seq: number;
  event_count: number;
  bytes: number;
}

const COLUMNS = 'id, name, aircraft, started_at, ended_at, last_seq, event_count, bytes';

function toInfo(row: SessionRow): SessionInfo {
  return {
    id: row.id,
    name: row.name,
    aircraft: row.aircraft,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    lastSeq: row.last_seq,
    eventCount: row.event_count,
    bytes: row.bytes
  };
}

/**
 * The sessions of a store: create one to record into, list, mark ended, delete (its events,
 * targets, text index and snapshots in one transaction) and apply a retention policy.
 *
 * @example
 * const id = catalog.create({ name: 'Storm test', aircraft: 'F-22A' }).id;
 * catalog.applyRetention({ keepLast: 20, maxBytes: 2e9, keep: [id] });
 */
export class SessionCatalog {
  constructor(private readonly db: Database.Database) {}

  create(session: NewSession): SessionInfo {
    const next = (this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sessions'").pluck().get() as number | undefined) ?? 0;
    if (next >= MAX_SESSION_ID) throw new RangeError(`the store holds at most ${MAX_SESSION_ID} session ids`);
    const row = this.db
      .prepare(`INSERT INTO sessions (name, aircraft, started_at) VALUES (?, ?, ?) RETURNING ${COLUMNS}`)
      .get(session.name, session.aircraft ?? null, session.startedAt ?? Date.now()) as SessionRow;
    return toInfo(row);
  }

  /** Newest first. */
  list(): SessionInfo[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM sessions ORDER BY id DESC`).all() as SessionRow[]).map(toInfo);
  }

  get(id: number): SessionInfo | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM sessions WHERE id = ?`).get(checkSessionId(id)) as SessionRow | undefined;
    return row && toInfo(row);
  }

  /** Marks a session ended (default: now). False when there is no such session. */
  end(id: number, endedAt: number = Date.now()): boolean {
    return this.db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ?').run(endedAt, checkSessionId(id)).changes === 1;
  }

  /** Deletes a session and everything stored for it. False when there is no such session. */
  delete(id: number): boolean {
    const { first, last } = sessionKeyRange(checkSessionId(id));
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM events WHERE key BETWEEN ? AND ?').run(first, last);
      this.db.prepare('DELETE FROM events_text WHERE rowid BETWEEN ? AND ?').run(first, last);
      this.db.prepare('DELETE FROM event_targets WHERE key BETWEEN ? AND ?').run(first, last);
      this.db.prepare('DELETE FROM snapshots WHERE key BETWEEN ? AND ?').run(first, last);
      return this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes === 1;
    }).immediate();
  }

  /** Deletes the oldest sessions beyond the policy; returns the ids deleted. */
  applyRetention(policy: RetentionPolicy): number[] {
    const keep = new Set(policy.keep ?? []);
    const doomed: number[] = [];
    const sessions = this.list();
    // Protected sessions count against the limits first; then the newest others fill what is left,
    // and from the first that does not fit, every older one goes too.
    let kept = 0;
    let bytes = 0;
    for (const session of sessions.filter((s) => keep.has(s.id))) {
      kept++;
      bytes += session.bytes;
    }
    let full = false;
    for (const session of sessions.filter((s) => !keep.has(s.id))) {
      full ||= (policy.keepLast !== undefined && kept >= policy.keepLast) || (policy.maxBytes !== undefined && bytes + session.bytes > policy.maxBytes);
      if (full) doomed.push(session.id);
      else {
        kept++;
        bytes += session.bytes;
      }
    }
    for (const id of doomed) this.delete(id);
    return doomed;
  }
}
