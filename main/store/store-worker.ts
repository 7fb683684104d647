import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { CommitQueue, type CommitQueueOptions, type WriterMessage, type WriterReport } from './commit-queue';
import { openStoreDatabase } from './schema';

/**
 * The store's writer thread: owns a connection to the store file and commits the batches the
 * recorder posts (see `CommitQueue`), so SQLite's work never runs on the bus's thread. Opening
 * the file is retried with backoff (each failure reported) while batches wait.
 */

export interface StoreWorkerData {
  path: string;
  busyTimeoutMs: number;
  queue: CommitQueueOptions;
  /** Nice increment of this thread (Linux only, see `RecordOptions.writerNice`). */
  nice: number;
}

if (!parentPort) throw new Error('store-worker.ts runs as a worker thread');
const port = parentPort;
const { path, busyTimeoutMs, queue: options, nice } = workerData as StoreWorkerData;
// On Linux a thread has its own nice value (setpriority on pid 0 is this thread only); elsewhere it
// would lower the whole process, bus included, so the writer keeps the default there.
if (process.platform === 'linux' && nice > 0) {
  try {
    setPriority(nice);
  } catch {
    // Not permitted here: the writer runs at the normal priority, which only costs the bus under contention.
  }
}
const report = (message: WriterReport): void => port.postMessage(message);
const waiting: WriterMessage[] = [];
let queue: CommitQueue | undefined;

port.on('message', (message: WriterMessage) => {
  if (queue) queue.handle(message);
  else waiting.push(message);
});

function open(attempt: number): void {
  try {
    const db = openStoreDatabase(path, { busyTimeoutMs });
    queue = new CommitQueue(db, (message) => {
      report(message);
      if (message.kind === 'closed') {
        db.close();
        port.close();
      }
    }, options);
    for (const message of waiting.splice(0)) queue.handle(message);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const retryInMs = Math.min(2000, 50 * 2 ** attempt);
    report({ kind: 'failed', message: `opening ${path}: ${error instanceof Error ? error.message : String(error)}`, code: typeof code === 'string' ? code : undefined, attempt: attempt + 1, retryInMs, lostEvents: 0 });
    if (waiting.some((message) => message.kind === 'close')) {
      const lostEvents = waiting.reduce((sum, message) => sum + (message.kind === 'batch' ? message.batch.count : 0), 0);
      report({ kind: 'failed', message: `closing without a connection to ${path}`, code: undefined, attempt: attempt + 1, retryInMs: null, lostEvents });
      report({ kind: 'closed' });
      port.close();
      return;
    }
    setTimeout(() => open(attempt + 1), retryInMs);
  }
}

open(0);
