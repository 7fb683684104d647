import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { CommitQueue, type CommitQueueOptions, type WriterMessage, type WriterReport } from './commit-queue';
import type { StoreWorkerData } from './store-worker';
import { transferListOf } from './wire-batch';
import { startWorkerThread, workerEntryUrl } from '../core/worker-thread';

/** Where the recorder's batches go: a writer that reports back through `report`. */
export interface WriterSink {
  post(message: Extract<WriterMessage, { kind: 'batch' }>): void;
  /** Commits what was posted, then stops; resolves when the writer has closed. */
  close(): Promise<void>;
}

/**
 * Commits on the calling thread, through the store's own connection: the only way for an
 * in-memory store (a worker cannot share it), and deterministic for tests.
 *
 * @example
 * const sink = new InlineSink(db, (report) => recorder.onReport(report));
 */
export class InlineSink implements WriterSink {
  private readonly queue: CommitQueue;
  private closed: (() => void) | undefined;

  constructor(db: Database.Database, report: (report: WriterReport) => void, options: CommitQueueOptions = {}) {
    this.queue = new CommitQueue(db, (message) => {
      report(message);
      if (message.kind === 'closed') this.closed?.();
    }, options);
  }

  post(message: Extract<WriterMessage, { kind: 'batch' }>): void {
    this.queue.handle(message);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.closed = resolve;
      this.queue.handle({ kind: 'close' });
    });
  }
}

export interface WorkerSinkOptions {
  path: string;
  busyTimeoutMs: number;
  queue: CommitQueueOptions;
  writerNice: number;
  /** Events posted and not yet committed (reported lost if the worker dies). */
  uncommittedEvents: () => number;
  /** The worker script; default `store-worker.ts` (or `.js` once bundled) beside this module. */
  workerUrl?: URL;
}

const RESTART_DELAY_MS = 200;

/**
 * Commits in a worker thread that owns its own connection to the store file. Batches are
 * transferred, not copied, and not kept here. A worker that dies (it should not: every failure
 * inside is caught and reported) is reported with the events it had not committed as lost, and
 * restarted.
 *
 * @example
 * const sink = new WorkerSink({ path, busyTimeoutMs: 5000, queue: {}, writerNice: 0, uncommittedEvents: () => 0 }, onReport);
 */
export class WorkerSink implements WriterSink {
  private worker: Worker;
  private closing: Promise<void> | undefined;
  private onClosed: (() => void) | undefined;

  constructor(
    private readonly options: WorkerSinkOptions,
    private readonly report: (report: WriterReport) => void
  ) {
    this.worker = this.start();
  }

  post(message: Extract<WriterMessage, { kind: 'batch' }>): void {
    this.worker.postMessage(message, transferListOf(message.batch));
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.onClosed = resolve;
      this.worker.postMessage({ kind: 'close' } satisfies WriterMessage);
    });
    return this.closing;
  }

  private start(): Worker {
    const url = this.options.workerUrl ?? workerEntryUrl(import.meta.url, 'store-worker');
    const data: StoreWorkerData = { path: this.options.path, busyTimeoutMs: this.options.busyTimeoutMs, queue: this.options.queue, nice: this.options.writerNice };
    const worker = startWorkerThread(url, data);
    worker.on('message', (message: WriterReport) => {
      this.report(message);
      if (message.kind === 'closed') this.onClosed?.();
    });
    worker.on('error', (error) => {
      this.report({ kind: 'failed', message: `store worker: ${error.message}`, code: undefined, attempt: 1, retryInMs: RESTART_DELAY_MS, lostEvents: 0 });
    });
    worker.on('exit', (code) => {
      if (this.onClosed && this.closing) return this.onClosed();
      this.report({ kind: 'failed', message: `store worker exited (code ${code})`, code: undefined, attempt: 1, retryInMs: null, lostEvents: this.options.uncommittedEvents() });
      setTimeout(() => {
        if (this.closing) return this.onClosed?.();
        this.worker = this.start();
      }, RESTART_DELAY_MS).unref();
    });
    return worker;
  }
}


