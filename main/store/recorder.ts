import type { Disposable } from '../../shared/disposable';
import { Emitter } from '../../shared/emitter';
import type { EngineEvent } from '../../shared/events';
import type { SessionState } from '../../shared/projection';
import type { EventLog } from '../core/log/event-log';
import type { WriterMessage, WriterReport } from './commit-queue';
import { BatchEncoder } from './wire-batch';
import type { WriterSink } from './writer-sinks';

export interface RecorderOptions {
  /** The stored session the log's events go to (`SessionCatalog.create`). */
  sessionId: number;
  /**
   * The session state through the log's newest event — normally `() => coordinator.state`, the
   * projection the host keeps anyway. Snapshots are taken from it; without it none are written.
   */
  state?: () => SessionState;
  /** A snapshot at the first quiet point (timer tick, flush) after this many events since the last. Default 10,000. */
  snapshotEvery?: number;
  /** Events are sent to the writer at least this often. Default 25 ms. */
  flushIntervalMs?: number;
  /** …or as soon as this many are waiting. Default 2048. */
  batchSize?: number;
  /** Events held (waiting or uncommitted) at most; beyond, new events are dropped and counted. Default 1,000,000. */
  maxBufferedEvents?: number;
}

/** How the recorder is doing, for the Performance view. */
export interface RecorderHealth {
  sessionId: number;
  /** The newest seq the recorder was handed. */
  appendedSeq: number;
  /** The writer is done with every event up to this seq: committed, or counted in `lostEvents`. */
  committedSeq: number;
  /** Events handed over and not yet committed. */
  lagEvents: number;
  /** Age of the oldest uncommitted event (0 when none). */
  lagMs: number;
  /** Events committed over the last second. */
  eventsPerSec: number;
  /** Size of the store (pages in use), as of the last commit. */
  dbBytes: number;
  /** Failed commit attempts (each was reported through `onDidFail`). */
  failures: number;
  /** Events that will never be stored: given up after failures, or dropped when the buffer was full. */
  lostEvents: number;
  lastError: string | null;
  /** A failed commit is waiting for its retry. */
  retrying: boolean;
}

/** A reported write failure. `retryInMs` null: the batch was given up (`lostEvents`). */
export interface RecorderFailure {
  message: string;
  code: string | undefined;
  attempt: number;
  retryInMs: number | null;
  lostEvents: number;
}

/**
 * A batch posted and not yet committed — only its numbers (holding the batch itself would cost
 * GC) — or a run of events dropped while the buffer was full (settled once what came before is).
 */
interface InFlight {
  lastSeq: number;
  count: number;
  firstTimestamp: number;
  dropped: boolean;
}

/**
 * Persists every event of a log. The append listener only keeps a reference (a few ns); every
 * `batchSize` events, and every `flushIntervalMs`, the waiting events are encoded into one
 * columnar batch (`wire-batch.ts`) and posted to the writer, which commits it in its own thread.
 * Events are held at most ~1–2 ms under load before encoding: held longer, they outlive the young
 * generation and the garbage collector's copying cost more than everything else (measured: 0.56 µs
 * per event when held 20 ms, 0.05 µs when handed on every 2048).
 *
 * Snapshots come from the state the host already projects (`options.state`), serialised at a quiet
 * point (a timer tick or a flush, never inside an append, so it is the projection of exactly the
 * events sent): a real session's state is ~20 KB, 0.08 ms to stringify, ~8 ns per event at one
 * snapshot per 10,000. Projecting in the writer instead would parse every payload again (0.1–10 µs
 * each) on the thread that already limits ingest.
 *
 * @example
 * const recorder = store.record(coordinator.log, { sessionId, state: () => coordinator.state });
 * recorder.onDidFail((failure) => console.warn('store:', failure.message));
 * await recorder.flush(); // everything appended so far is on disk
 */
export class EventRecorder implements Disposable {
  private pending: EngineEvent[] = [];
  private readonly inFlight: InFlight[] = [];
  /** Events posted and not yet committed (the dropped ones are not counted). */
  private posted = 0;
  private readonly encoder: BatchEncoder;
  private readonly snapshotEvery: number;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly subscription: Disposable;
  private readonly sink: WriterSink;
  private committedSeq: number;
  private lastSnapshotSeq: number;
  private readonly commits: { atMs: number; events: number }[] = [];
  private readonly waiters: { seq: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  private counters = { failures: 0, lostEvents: 0, dbBytes: 0, retrying: false, lastError: null as string | null, dropping: false };
  private closing: Promise<void> | undefined;

  private readonly _onDidFail = new Emitter<RecorderFailure>();
  /** Every failed commit attempt and every loss, as it happens. */
  readonly onDidFail = this._onDidFail.event;

  constructor(
    private readonly log: EventLog,
    private readonly options: RecorderOptions,
    createSink: (report: (report: WriterReport) => void, uncommittedEvents: () => number) => WriterSink
  ) {
    this.encoder = new BatchEncoder(`${log.id}-`);
    this.snapshotEvery = options.snapshotEvery ?? 10_000;
    this.batchSize = Math.min(options.batchSize ?? 2048, 16_000);
    this.maxBuffered = options.maxBufferedEvents ?? 1_000_000;
    this.committedSeq = log.lastSeq;
    this.lastSnapshotSeq = log.lastSeq;
    this.sink = createSink(
      (report) => this.onReport(report),
      () => this.posted
    );
    const flushIntervalMs = options.flushIntervalMs ?? 25;
    // By age as well as by count: a burst of work chained on promises never lets the timer run,
    // and a kill then would lose everything since the last full batch.
    this.subscription = log.onDidAppend((event) => {
      if (this.pending.push(event) >= this.batchSize || event.timestamp - (this.pending[0] as EngineEvent).timestamp >= flushIntervalMs) this.send(false);
    });
    this.timer = setInterval(() => this.send(true), flushIntervalMs);
    this.timer.unref();
  }

  get sessionId(): number {
    return this.options.sessionId;
  }

  health(): RecorderHealth {
    const appendedSeq = this.pending.at(-1)?.seq ?? this.inFlight.at(-1)?.lastSeq ?? this.committedSeq;
    const oldest = this.inFlight.find((batch) => !batch.dropped)?.firstTimestamp ?? this.pending[0]?.timestamp;
    const nowMs = performance.timeOrigin + performance.now();
    this.forgetOldCommits();
    return {
      sessionId: this.options.sessionId,
      appendedSeq,
      committedSeq: this.committedSeq,
      lagEvents: appendedSeq - this.committedSeq,
      lagMs: oldest === undefined ? 0 : Math.max(0, nowMs - oldest),
      eventsPerSec: this.commits.reduce((sum, commit) => sum + commit.events, 0),
      dbBytes: this.counters.dbBytes,
      failures: this.counters.failures,
      lostEvents: this.counters.lostEvents,
      lastError: this.counters.lastError,
      retrying: this.counters.retrying
    };
  }

  /**
   * Resolves when every event appended so far is committed. Rejects if a commit fails meanwhile
   * (the recorder keeps retrying; `health()` says how it goes) or the recorder is closed.
   */
  flush(): Promise<void> {
    if (this.closing && this.pending.length === 0 && this.inFlight.length === 0) return Promise.resolve();
    this.send(true);
    const target = this.inFlight.at(-1)?.lastSeq ?? this.committedSeq;
    if (target <= this.committedSeq) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq: target, resolve, reject }));
  }

  /** Stops listening, commits everything appended so far and closes the writer. */
  close(): Promise<void> {
    this.closing ??= (async (): Promise<void> => {
      this.subscription.dispose();
      clearInterval(this.timer);
      this.send(true);
      await this.sink.close();
      const error = new Error('recorder closed before these events were committed');
      for (const waiter of this.waiters.splice(0)) waiter.reject(error);
      this._onDidFail.dispose();
    })();
    return this.closing;
  }

  dispose(): void {
    void this.close().catch(() => undefined);
  }

  /** Encodes the waiting events and posts them. At a quiet point (not inside an append) a snapshot may go with them. */
  private send(quiet: boolean): void {
    const events = this.pending;
    if (events.length === 0) return;
    this.pending = [];
    const last = events[events.length - 1] as EngineEvent;
    if (this.posted + events.length > this.maxBuffered) return this.drop(last.seq, events.length);
    this.counters.dropping = false;
    const message: Extract<WriterMessage, { kind: 'batch' }> = { kind: 'batch', batch: this.encoder.encode(this.options.sessionId, events) };
    // Between appends the projection has folded every event up to the log's last: a consistent snapshot.
    if (quiet && this.options.state && last.seq === this.log.lastSeq && last.seq - this.lastSnapshotSeq >= this.snapshotEvery) {
      message.snapshot = { seq: last.seq, state: JSON.stringify(this.options.state()) };
      this.lastSnapshotSeq = last.seq;
    }
    this.inFlight.push({ lastSeq: last.seq, count: events.length, firstTimestamp: (events[0] as EngineEvent).timestamp, dropped: false });
    this.posted += events.length;
    this.sink.post(message);
  }

  private drop(lastSeq: number, count: number): void {
    this.counters.lostEvents += count;
    this.inFlight.push({ lastSeq, count, firstTimestamp: 0, dropped: true });
    this.settle();
    if (this.counters.dropping) return;
    this.counters.dropping = true;
    this.fail({ message: `store writer is ${this.maxBuffered} events behind: dropping events until it catches up`, code: 'BUFFER_FULL', attempt: 1, retryInMs: null, lostEvents: count });
  }

  private onReport(report: WriterReport): void {
    if (report.kind === 'committed') {
      this.counters.retrying = false;
      this.counters.dbBytes = report.dbBytes;
      for (const committed of report.committed) {
        if (committed.sessionId !== this.options.sessionId) continue;
        this.committedSeq = Math.max(this.committedSeq, committed.lastSeq);
        this.commits.push({ atMs: performance.now(), events: committed.events });
      }
      this.forgetOldCommits();
      this.settle();
    } else if (report.kind === 'failed') {
      // Batches given up leave the head of the queue: what was sent after them can still commit.
      let lost = report.lostEvents;
      while (lost > 0 && this.inFlight.length > 0) {
        const given = this.inFlight.shift() as InFlight;
        this.committedSeq = Math.max(this.committedSeq, given.lastSeq);
        if (given.dropped) continue;
        lost -= given.count;
        this.posted -= given.count;
      }
      this.settle();
      this.counters.lostEvents += report.lostEvents;
      this.counters.retrying = report.retryInMs !== null;
      this.fail(report);
    }
  }

  private fail(failure: RecorderFailure): void {
    this.counters.failures++;
    this.counters.lastError = failure.message;
    const error = Object.assign(new Error(`event store: ${failure.message}`), { code: failure.code });
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    this._onDidFail.fire(failure);
  }

  /** Keeps the commits of the last second (the rate window). */
  private forgetOldCommits(): void {
    const since = performance.now() - 1000;
    while (this.commits.length > 0 && (this.commits[0] as { atMs: number }).atMs < since) this.commits.shift();
  }

  /** Forgets the batches committed and the dropped runs behind them, then wakes the flushes they complete. */
  private settle(): void {
    for (let head = this.inFlight[0]; head && (head.dropped || head.lastSeq <= this.committedSeq); head = this.inFlight[0]) {
      this.inFlight.shift();
      if (head.dropped) this.committedSeq = Math.max(this.committedSeq, head.lastSeq);
      else this.posted -= head.count;
    }
    this.settleWaiters();
  }

  private settleWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i] as (typeof this.waiters)[number];
      if (waiter.seq <= this.committedSeq) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }
}
