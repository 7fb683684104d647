import type { Worker } from 'node:worker_threads';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { OptimizationCriteria } from '../../../shared/results';
import type { LoadedFlightdeckConfig } from '../../core/config/flightdeck-config';
import { startWorkerThread, workerEntryUrl } from '../../core/worker-thread';
import type { Genome } from '../optimization/design-space';
import type { Evaluation } from '../optimization/pareto';
import type { EvaluationFanOut } from './design-optimizer';

/** One slice of a generation for one worker. */
export interface EvaluationRequest {
  batchId: number;
  /** A new search (a new base or criteria) rebuilds the worker's scorer. */
  runId: number;
  setup: { base: AircraftConfiguration; criteria: OptimizationCriteria };
  genomes: readonly Genome[];
}

type EvaluationReply = { batchId: number; evaluations: Evaluation[] } | { batchId: number; error: string };

/**
 * Design evaluations on `size` worker threads, each with the session's libraries and engines of
 * its own: a generation is cut into contiguous slices, one per worker, and the answers are put
 * back in order, so a search gives the same front for a seed whatever the number of workers.
 *
 * @example
 * const pool = new EvaluationPool(config, 2);
 * createOptimizer(libraries, pool);
 */
export class EvaluationPool implements EvaluationFanOut {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve(evaluations: Evaluation[]): void; reject(error: Error): void }>();
  private nextBatch = 0;
  private runs = new WeakMap<object, number>();
  private nextRun = 0;

  constructor(config: LoadedFlightdeckConfig, readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`evaluation workers: ${size} is not a whole number of at least 1`);
    const url = workerEntryUrl(import.meta.url, 'evaluation-worker');
    this.workers = Array.from({ length: size }, () => {
      const worker = startWorkerThread(url, { config });
      worker.on('message', (reply: EvaluationReply) => this.onReply(reply));
      worker.on('error', (error) => this.failAll(new Error(`evaluation worker: ${error.message}`)));
      // Idle workers do not keep the process alive; busy ones do (a promise alone would not).
      worker.unref();
      return worker;
    });
  }

  async evaluate(setup: EvaluationRequest['setup'], genomes: readonly Genome[]): Promise<readonly Evaluation[]> {
    if (genomes.length === 0) return [];
    let runId = this.runs.get(setup);
    if (runId === undefined) this.runs.set(setup, (runId = ++this.nextRun));
    for (const worker of this.workers) worker.ref();
    const slice = Math.ceil(genomes.length / this.workers.length);
    const parts = this.workers.flatMap((worker, i) => {
      const part = genomes.slice(i * slice, (i + 1) * slice);
      if (part.length === 0) return [];
      const batchId = ++this.nextBatch;
      const answered = new Promise<Evaluation[]>((resolve, reject) => this.pending.set(batchId, { resolve, reject }));
      worker.postMessage({ batchId, runId, setup, genomes: part } satisfies EvaluationRequest);
      return [answered];
    });
    try {
      return (await Promise.all(parts)).flat();
    } finally {
      if (this.pending.size === 0) for (const worker of this.workers) worker.unref();
    }
  }

  private onReply(reply: EvaluationReply): void {
    const pending = this.pending.get(reply.batchId);
    if (!pending) return;
    this.pending.delete(reply.batchId);
    if ('error' in reply) pending.reject(new Error(`evaluation worker: ${reply.error}`));
    else pending.resolve(reply.evaluations);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  async dispose(): Promise<void> {
    this.failAll(new Error('evaluation pool closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
