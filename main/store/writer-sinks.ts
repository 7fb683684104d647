import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { CommitQueue, type CommitQueueOptions, type WriterMessage, type WriterReport } from './commit-queue';
import type { StoreWorkerData } from './store-worker';
import { transferListOf } from './wire-batch';

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
    const url = this.options.workerUrl ?? defaultWorkerUrl();
    const data: StoreWorkerData = { path: this.options.path, busyTimeoutMs: this.options.busyTimeoutMs, queue: this.options.queue, nice: this.options.writerNice };
    const worker = startWorker(url, data);
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

function defaultWorkerUrl(): URL {
  // Run from source (tsx, vitest) this module is a .ts file; bundled, the worker is an entry of
  // its own in out/main/, and this module may sit in a shared chunk one folder down.
  if (import.meta.url.endsWith('.ts')) return new URL('./store-worker.ts', import.meta.url);
  const beside = new URL('./store-worker.js', import.meta.url);
  const above = new URL('../store-worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside)) || !existsSync(fileURLToPath(above)) ? beside : above;
}

/**
 * Starts the worker. Run from source, the worker is TypeScript: Node 20 does not apply the tsx
 * loader (`--import tsx`) to a worker's entry, so a tiny evaluated bootstrap registers tsx's ESM
 * hooks in the worker and then imports it.
 */
function startWorker(url: URL, workerData: StoreWorkerData): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const require = createRequire(import.meta.url);
  const tsxPackage = require.resolve('tsx/package.json');
  const manifest = require(tsxPackage) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(tsxPackage), manifest.exports['./esm/api']?.import.default ?? 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); }).catch((error) => { throw error; });`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: [] });
}
