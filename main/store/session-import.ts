import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type Database from 'better-sqlite3';
import { EngineEventSchema, type EngineEvent } from '../../shared/events';
import { INITIAL_SESSION_STATE, project, type SessionState } from '../../shared/projection';
import { EVENT_COLUMNS, eventToRow, rowBytes, type EventRow } from './event-rows';
import { MAX_SEQ, sessionKeyRange } from './keys';
import { SCHEMA_VERSION } from './schema';
import type { SessionCatalog, SessionInfo } from './session-catalog';
import { SessionFileError, SessionFileHeaderSchema, firstIssue, formatProblem, type SessionFileHeader } from './session-file';

export interface ImportOptions {
  /** Name of the new session. Default: the name in the file. */
  name?: string;
  /** A snapshot every this many events (rebuilt while reading). Default 10,000. */
  snapshotEvery?: number;
}

const STAGE_ROWS = 2000;

/**
 * Imports a session file (`session-file.ts`) as a new session, streamed: every line is parsed and
 * validated (`EngineEventSchema`) as it is read, and staged in TEMP tables of this connection —
 * which touch no stored session and take no lock on the store. Only a file that is valid to its
 * last line goes into the store, in one transaction. A bad line, a wrong or newer format, or a cut
 * short or corrupt file throws a `SessionFileError` naming the problem and the line, and the store
 * is left as it was.
 *
 * @example
 * const session = await importSession(db, catalog, '/tmp/storm.flightdeck.jsonl.gz');
 */
export async function importSession(db: Database.Database, catalog: SessionCatalog, file: string, options: ImportOptions = {}): Promise<SessionInfo> {
  const stage = new Stage(db, options.snapshotEvery ?? 10_000);
  try {
    const header = await readInto(stage, file);
    return stage.commit(catalog, header, options.name ?? header.session.name);
  } finally {
    stage.drop();
  }
}

async function readInto(stage: Stage, file: string): Promise<SessionFileHeader> {
  let line = 0;
  let header: SessionFileHeader | undefined;
  let rest = '';
  const take = (text: string): void => {
    line++;
    if (text === '') return;
    if (header) stage.add(parseEvent(text, line), line);
    else header = parseHeader(text, line);
  };
  const input = createReadStream(file);
  const gunzip = input.pipe(createGunzip());
  input.on('error', (error) => gunzip.destroy(error));
  gunzip.setEncoding('utf8');
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() as string;
      for (const text of lines) take(text);
    }
  } catch (error) {
    if (error instanceof SessionFileError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const problem = code === 'Z_BUF_ERROR' ? `the file is cut short (gzip: ${reason})` : `the file is not a valid gzip stream (${reason})`;
    throw new SessionFileError(problem, line + 1);
  } finally {
    input.destroy();
  }
  if (rest !== '') take(rest);
  if (!header) throw new SessionFileError('the file is empty (no header line)', 1);
  if (stage.events !== header.session.eventCount) {
    throw new SessionFileError(`the file ends after ${stage.events} of the ${header.session.eventCount} events its header announces`, line);
  }
  return header;
}

function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SessionFileError(`invalid JSON (${error instanceof Error ? error.message : String(error)})`, line);
  }
}

function parseHeader(text: string, line: number): SessionFileHeader {
  const value = parseJson(text, line) as { format?: unknown; schemaVersion?: unknown };
  const wrongFormat = formatProblem(value?.format);
  if (wrongFormat) throw new SessionFileError(wrongFormat, line);
  if (typeof value.schemaVersion === 'number' && value.schemaVersion > SCHEMA_VERSION) {
    throw new SessionFileError(`written with store schema version ${value.schemaVersion}, newer than this Flightdeck's (${SCHEMA_VERSION}); import it with a newer Flightdeck`, line);
  }
  const parsed = SessionFileHeaderSchema.safeParse(value);
  if (!parsed.success) throw new SessionFileError(`invalid header: ${firstIssue(parsed.error)}`, line);
  return parsed.data;
}

function parseEvent(text: string, line: number): EngineEvent {
  const parsed = EngineEventSchema.safeParse(parseJson(text, line));
  if (!parsed.success) throw new SessionFileError(`invalid event: ${firstIssue(parsed.error)}`, line);
  return parsed.data;
}

/** Validated events, staged in TEMP tables, with the state folded as they come (for snapshots). */
class Stage {
  private readonly name = `import_${randomUUID().replace(/-/g, '')}`;
  private readonly rows: EventRow[] = [];
  private readonly insertRow: Database.Statement;
  private readonly insertSnapshot: Database.Statement;
  private readonly flushRows: (rows: EventRow[]) => void;
  private state: SessionState = INITIAL_SESSION_STATE;
  private lastSeq = 0;
  private lastTimestamp = -Infinity;
  private timeOrdered = true;
  private lastSnapshotSeq = 0;
  private bytes = 0;
  events = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly snapshotEvery: number
  ) {
    // Staged with key = seq; the session id is added when the rows move into the store.
    db.exec(`CREATE TEMP TABLE ${this.name} AS SELECT ${EVENT_COLUMNS} FROM main.events WHERE 0`);
    db.exec(`CREATE TEMP TABLE ${this.name}_snapshots (seq INTEGER PRIMARY KEY, state TEXT NOT NULL)`);
    this.insertRow = db.prepare(`INSERT INTO temp.${this.name} (${EVENT_COLUMNS}) VALUES (@key, @event_id, @type, @source, @targets, @correlation_id, @causation_id, @timestamp, @config_version, @priority, @requires_response, @payload)`);
    this.insertSnapshot = db.prepare(`INSERT INTO temp.${this.name}_snapshots (seq, state) VALUES (?, ?)`);
    this.flushRows = db.transaction((rows: EventRow[]) => {
      for (const row of rows) this.insertRow.run(row);
    });
  }

  add(event: EngineEvent, line: number): void {
    if (event.seq <= this.lastSeq) throw new SessionFileError(`seq ${event.seq} does not follow seq ${this.lastSeq}: events must be in sequence order`, line);
    if (event.seq > MAX_SEQ) throw new SessionFileError(`seq ${event.seq} is beyond the largest a session can hold (${MAX_SEQ})`, line);
    this.lastSeq = event.seq;
    if (event.timestamp < this.lastTimestamp) this.timeOrdered = false;
    this.lastTimestamp = event.timestamp;
    const row = eventToRow(0, event);
    this.bytes += rowBytes(row);
    this.rows.push(row);
    this.events++;
    if (this.rows.length >= STAGE_ROWS) this.flushRows(this.rows.splice(0));
    this.state = project(this.state, event);
    if (event.seq - this.lastSnapshotSeq >= this.snapshotEvery) {
      const state = JSON.stringify(this.state);
      this.insertSnapshot.run(event.seq, state);
      this.bytes += state.length;
      this.lastSnapshotSeq = event.seq;
    }
  }

  /** Moves the staged session into the store: one transaction. */
  commit(catalog: SessionCatalog, header: SessionFileHeader, name: string): SessionInfo {
    this.flushRows(this.rows.splice(0));
    const { db } = this;
    return db.transaction(() => {
      const created = catalog.create({ name, aircraft: header.session.aircraft, startedAt: header.session.startedAt });
      const { first, last } = sessionKeyRange(created.id);
      const columns = EVENT_COLUMNS.replace(/^key, /, '');
      db.prepare(`INSERT INTO main.events (${EVENT_COLUMNS}) SELECT key + ?, ${columns} FROM temp.${this.name} ORDER BY key`).run(first);
      db.prepare('INSERT OR IGNORE INTO event_targets (target, key) SELECT j.value, e.key FROM events e, json_each(e.targets) j WHERE e.key BETWEEN ? AND ? AND e.targets IS NOT NULL').run(first, last);
      db.prepare('INSERT INTO events_text (rowid, payload) SELECT key, payload FROM events WHERE key BETWEEN ? AND ?').run(first, last);
      db.prepare(`INSERT INTO snapshots (key, state) SELECT seq + ?, state FROM temp.${this.name}_snapshots`).run(first);
      db.prepare('UPDATE sessions SET ended_at = ?, last_seq = ?, event_count = ?, bytes = ?, text_seq = ?, time_ordered = ? WHERE id = ?').run(
        header.session.endedAt ?? header.exportedAt,
        this.lastSeq,
        this.events,
        this.bytes,
        this.lastSeq,
        this.timeOrdered ? 1 : 0,
        created.id
      );
      return catalog.get(created.id) as SessionInfo;
    }).immediate();
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS temp.${this.name}; DROP TABLE IF EXISTS temp.${this.name}_snapshots`);
  }
}
