import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedFlightdeckConfig } from '../../core/config/flightdeck-config';
import type { Evaluation } from '../optimization/pareto';
import { DesignEvaluator } from './design-evaluator';
import { designScorer, type DesignScorer } from './design-optimizer';
import type { EvaluationRequest } from './evaluation-pool';
import { loadEngineLibraries } from './libraries';

if (!parentPort) throw new Error('evaluation-worker.ts runs as a worker thread');
const port = parentPort;
// The same libraries as the session's (the configuration's files), its own engines.
const libraries = loadEngineLibraries((workerData as { config: LoadedFlightdeckConfig }).config);
const evaluator = new DesignEvaluator(libraries);
let scorer: { runId: number; scorer: DesignScorer } | null = null;

port.on('message', (request: EvaluationRequest) => {
  try {
    if (scorer?.runId !== request.runId) scorer = { runId: request.runId, scorer: designScorer(libraries, evaluator, request.setup.base, request.setup.criteria) };
    const evaluations: Evaluation[] = request.genomes.map((genome) => scorer?.scorer.evaluate(genome) as Evaluation);
    port.postMessage({ batchId: request.batchId, evaluations });
  } catch (error) {
    port.postMessage({ batchId: request.batchId, error: error instanceof Error ? error.message : String(error) });
  }
});
