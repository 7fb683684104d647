import type Database from 'better-sqlite3';
import { BatchWriter, MissingSessionError, type Committed, type SessionRows } from './batch-writer';
import type { EventRow } from './event-rows';
import { decodeBatch, type WireBatch } from './wire-batch';

/** What the recorder sends to the writer. */
export type WriterMessage =
  | { kind: 'batch'; batch: WireBatch; snapshot?: { seq: number; state: string } }
  | { kind: 'close' };

/** What the writer tells the recorder. */
export type WriterReport =
  | { kind: 'committed'; committed: Committed[]; dbBytes: number }
  | {
      kind: 'failed';
      message: string;
      code: string | undefined;
      /** Consecutive failed attempts of the batches at the head of the queue. */
      attempt: number;
      /** When they are tried again (null: they were given up, `lostEvents` of them). */
      retryInMs: number | null;
      lostEvents: number;
    }
  | { kind: 'closed' };

export interface CommitQueueOptions {
  /** Rows per transaction at most, so a commit comes at least every ~50 ms under a flood. Default 8192. */
  maxRowsPerCommit?: number;
  /** Backoff of a failed commit: first delay, doubling up to the maximum. Default 50 ms → 2000 ms. */
  retryFirstMs?: number;
  retryMaxMs?: number;
  /**
   * How long one full-text catch-up transaction may take while idle (a commit that arrives waits
   * for it): its row count follows the time the last one took per row. Default 5 ms.
   */
  textChunkMs?: number;
}

/** Failures that can pass (a lock released, disk space freed): retried for as long as it takes. */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|PROTOCOL|NOMEM|INTERRUPT)/;
/** Bounds of a full-text catch-up transaction, in rows. */
const MIN_TEXT_CHUNK = 32;
const MAX_TEXT_CHUNK = 4096;
/** Other failures are tried this many times, then their batches are given up (and counted). */
const PERMANENT_ATTEMPTS = 3;

interface Pending {
  message: Extract<WriterMessage, { kind: 'batch' }>;
  rows?: EventRow[];
}

/**
 * The writer's side of recording (in the store's worker thread, or inline for an in-memory
 * store): batches queue in arrival order; each drain commits everything queued (up to
 * `maxRowsPerCommit`) in one transaction and reports it. A failed commit keeps its batches at the
 * head of the queue and is retried with backoff, reported every time — a full disk or a lock
 * never crashes the host and is never silent.
 *
 * @example
 * const queue = new CommitQueue(db, (report) => parentPort.postMessage(report));
 * parentPort.on('message', (message) => queue.handle(message));
 */
export class CommitQueue {
  private readonly writer: BatchWriter;
  private readonly queue: Pending[] = [];
  private readonly maxRows: number;
  private readonly retryFirstMs: number;
  private readonly retryMaxMs: number;
  private readonly textChunkMs: number;
  /** Rows of the next catch-up transaction (sized to `textChunkMs` by the last one). */
  private textChunk = MIN_TEXT_CHUNK;
  private scheduled = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly report: (report: WriterReport) => void,
    options: CommitQueueOptions = {}
  ) {
    this.writer = new BatchWriter(db);
    this.maxRows = options.maxRowsPerCommit ?? 8192;
    this.retryFirstMs = options.retryFirstMs ?? 50;
    this.retryMaxMs = options.retryMaxMs ?? 2000;
    this.textChunkMs = options.textChunkMs ?? 5;
  }

  handle(message: WriterMessage): void {
    if (message.kind === 'close') return this.close();
    if (this.closed) return;
    this.queue.push({ message });
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.retryTimer) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.queue.length > 0) this.drain();
      else this.catchUpText();
    });
  }

  /** Commits the head of the queue. */
  private drain(): void {
    const taken: Pending[] = [];
    let rows = 0;
    for (const pending of this.queue) {
      if (taken.length > 0 && rows + pending.message.batch.count > this.maxRows) break;
      taken.push(pending);
      rows += pending.message.batch.count;
    }
    try {
      const batches: SessionRows[] = taken.map((pending) => ({
        sessionId: pending.message.batch.sessionId,
        rows: (pending.rows ??= decodeBatch(pending.message.batch)),
        snapshot: pending.message.snapshot
      }));
      // Not behind (nothing else waiting): the full-text index goes in the same transaction.
      const committed = this.writer.write(batches, { indexText: taken.length === this.queue.length });
      this.queue.splice(0, taken.length);
      this.attempt = 0;
      this.report({ kind: 'committed', committed, dbBytes: this.dbBytes() });
      if (!this.closed) this.schedule();
    } catch (error) {
      this.failed(error, taken);
    }
  }

  private failed(error: unknown, taken: Pending[]): void {
    this.attempt++;
    const code = (error as { code?: unknown }).code;
    const transient = typeof code === 'string' && TRANSIENT.test(code);
    const giveUp = !transient && (error instanceof MissingSessionError || error instanceof SyntaxError || this.attempt >= PERMANENT_ATTEMPTS);
    const message = error instanceof Error ? error.message : String(error);
    if (giveUp || this.closed) {
      this.queue.splice(0, taken.length);
      const lostEvents = taken.reduce((sum, pending) => sum + pending.message.batch.count, 0);
      this.report({ kind: 'failed', message, code: typeof code === 'string' ? code : undefined, attempt: this.attempt, retryInMs: null, lostEvents });
      this.attempt = 0;
      if (!this.closed) this.schedule();
      return;
    }
    const retryInMs = Math.min(this.retryMaxMs, this.retryFirstMs * 2 ** (this.attempt - 1));
    this.report({ kind: 'failed', message, code: typeof code === 'string' ? code : undefined, attempt: this.attempt, retryInMs, lostEvents: 0 });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.schedule();
    }, retryInMs);
  }

  /**
   * While nothing waits, feeds the full-text index the rows it trails by, a chunk per turn, each
   * chunk sized to take about `textChunkMs`: rows of large payloads (whole configurations) index
   * far slower than load events, and a fixed 4,096 of them held a waiting commit for 100 ms.
   */
  private catchUpText(): void {
    if (this.closed) return;
    try {
      const startedAt = performance.now();
      const rows = this.textChunk;
      const left = this.writer.indexTextBacklog(rows);
      const msPerRow = (performance.now() - startedAt) / rows;
      this.textChunk = Math.round(Math.min(MAX_TEXT_CHUNK, Math.max(MIN_TEXT_CHUNK, this.textChunkMs / Math.max(msPerRow, 1e-6))));
      if (left > 0) this.schedule();
    } catch (error) {
      // The index stays behind (text queries still cover those rows); the next commit tries again.
      const code = (error as { code?: unknown }).code;
      const message = `full-text index: ${error instanceof Error ? error.message : String(error)}`;
      this.report({ kind: 'failed', message, code: typeof code === 'string' ? code : undefined, attempt: 1, retryInMs: null, lostEvents: 0 });
    }
  }

  /**
   * Commits what is queued (one attempt each: a closing host does not wait out a backoff), catches
   * the full-text index up, then reports.
   */
  private close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    // Each drain removes what it took: committed, or (closing) given up and reported.
    while (this.queue.length > 0) this.drain();
    // A flood left the full-text index behind: finish it now rather than leave it to the next run.
    try {
      while (this.writer.indexTextBacklog(MAX_TEXT_CHUNK) > 0);
    } catch (error) {
      this.report({ kind: 'failed', message: `full-text index: ${error instanceof Error ? error.message : String(error)}`, code: undefined, attempt: 1, retryInMs: null, lostEvents: 0 });
    }
    this.report({ kind: 'closed' });
  }

  private dbBytes(): number {
    return (this.db.pragma('page_count', { simple: true }) as number) * (this.db.pragma('page_size', { simple: true }) as number);
  }
}
