import Database from 'better-sqlite3';

/**
 * The store's tables and how a database file is opened. One file per workspace holds every
 * recorded session; `PRAGMA user_version` is the schema version and `application_id` marks the
 * file as Flightdeck's, so a newer or foreign file is refused with an error saying so.
 */

/** The schema this code writes. A file with a higher `user_version` was written by a newer Flightdeck. */
export const SCHEMA_VERSION = 2;

/** Steps from each older schema to the next, run in one transaction on open. */
const MIGRATIONS: Record<number, string> = {
  // 1 → 2: time ranges read as key ranges where timestamps never go back; not known for older sessions.
  1: 'ALTER TABLE sessions ADD COLUMN time_ordered INTEGER NOT NULL DEFAULT 0'
};
/** 'FDK1': marks a SQLite file as a Flightdeck store. */
const APPLICATION_ID = 0x46444b31;

/**
 * The file was written by a newer Flightdeck, or is not a Flightdeck store at all.
 *
 * @example
 * try { EventStore.open(path); } catch (error) { if (error instanceof StoreVersionError) showUpgradeHint(error.fileVersion); }
 */
export class StoreVersionError extends Error {
  constructor(
    message: string,
    readonly fileVersion: number
  ) {
    super(message);
    this.name = 'StoreVersionError';
  }
}

const SCHEMA = `
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: a deleted session's keys stay unique
  name TEXT NOT NULL,
  aircraft TEXT,
  started_at REAL NOT NULL,               -- epoch ms
  ended_at REAL,                          -- NULL while recording (or after a crash)
  last_seq INTEGER NOT NULL DEFAULT 0,
  event_count INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,       -- text stored for its events and snapshots
  text_seq INTEGER NOT NULL DEFAULT 0,    -- the full-text index covers seq <= text_seq
  time_ordered INTEGER NOT NULL DEFAULT 1 -- timestamps never decrease with seq (time ranges become key ranges)
);

-- key = session_id * 2^32 + seq (see keys.ts): the primary key (session_id, seq), in seq order.
CREATE TABLE events (
  key INTEGER PRIMARY KEY,
  session_id INTEGER GENERATED ALWAYS AS (key >> 32) VIRTUAL,
  seq INTEGER GENERATED ALWAYS AS (key & 4294967295) VIRTUAL,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  source TEXT NOT NULL,
  targets TEXT,                           -- JSON array of engine ids; NULL = broadcast
  correlation_id TEXT NOT NULL,
  causation_id TEXT,
  timestamp REAL NOT NULL,
  config_version INTEGER NOT NULL,
  priority TEXT NOT NULL,
  requires_response INTEGER NOT NULL,
  payload TEXT NOT NULL                   -- the event's data as JSON
);
-- Every index ends with the rowid, so "type = ? AND key BETWEEN ?" is one range of one index.
CREATE INDEX events_by_time ON events (session_id, timestamp);
CREATE INDEX events_by_type ON events (type);
CREATE INDEX events_by_source ON events (source);
CREATE INDEX events_by_correlation ON events (correlation_id);

-- One row per target of a targeted event (most events are broadcasts and have none).
CREATE TABLE event_targets (
  target TEXT NOT NULL,
  key INTEGER NOT NULL,
  PRIMARY KEY (target, key)
) WITHOUT ROWID;

-- Contentless: the payload text lives once, in events; rowid = events.key.
CREATE VIRTUAL TABLE events_text USING fts5(
  payload, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

-- A cached reduction of a session's events through seq (key as in events).
CREATE TABLE snapshots (
  key INTEGER PRIMARY KEY,
  session_id INTEGER GENERATED ALWAYS AS (key >> 32) VIRTUAL,
  seq INTEGER GENERATED ALWAYS AS (key & 4294967295) VIRTUAL,
  state TEXT NOT NULL
);
`;

export interface OpenOptions {
  /** How long a statement waits for another connection's write lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** Page cache of this connection. Default 64 MiB (index inserts stay in memory). */
  cacheMiB?: number;
}

/**
 * Opens (creating if needed) a store file: WAL, synchronous=NORMAL (a committed transaction
 * survives a process crash; only a power loss can take the last ones), the schema created on
 * first use. Throws a `StoreVersionError` for a newer or foreign file. `':memory:'` gives a
 * private in-memory store (tests).
 *
 * @example
 * const db = openStoreDatabase(join(userData, 'flightdeck.db'));
 */
export function openStoreDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const db = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    // 8 KiB pages: ~12 % less insert time than 4 KiB with these indexes (measured); settable only
    // before the first table and before WAL, so a new file gets it and an existing one keeps its own.
    if (isEmpty(db)) db.pragma('page_size = 8192');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = ${-1024 * (options.cacheMiB ?? 64)}`);
    // Checkpoints every ~16 MB of WAL instead of 4 MB: fewer pauses while a flood is recorded.
    db.pragma('wal_autocheckpoint = 4000');
    migrate(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isEmpty(db: Database.Database): boolean {
  return (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) === 0;
}

function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    throw new StoreVersionError(`${path} is not a Flightdeck store (application id ${applicationId})`, version);
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreVersionError(
      `${path} has store schema version ${version}, newer than this Flightdeck supports (${SCHEMA_VERSION}); open it with a newer Flightdeck`,
      version
    );
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version === 0) {
      if (!isEmpty(db)) throw new StoreVersionError(`${path} is a SQLite database but not a Flightdeck store`, version);
      db.exec(SCHEMA);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    } else {
      for (let from = version; from < SCHEMA_VERSION; from++) db.exec(MIGRATIONS[from] as string);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
