import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AircraftConfiguration } from '../shared/aircraft';
import { loadFlightdeckConfig } from '../main/core/config/flightdeck-config';
import { createOptimizer } from '../main/engines/session/design-optimizer';
import { EvaluationPool } from '../main/engines/session/evaluation-pool';
import { loadEngineLibraries } from '../main/engines/session/libraries';
import { percentile, type BenchRow } from './measure';
import { benchSession } from './session';

const ANALYSES = 300;
const resourcesDir = fileURLToPath(new URL('../resources', import.meta.url));

/** The engines at work: a comprehensive analysis, the optimizer's inner loop, the mission simulator. */
export async function benchEngines(): Promise<BenchRow[]> {
  const session = await benchSession('f22a');
  const { coordinator } = session;
  for (let i = 0; i < 30; i++) await coordinator.runCrossEngineAnalysis('complete_performance');
  const samples: number[] = [];
  for (let i = 0; i < ANALYSES; i++) {
    const startedAt = performance.now();
    await coordinator.runCrossEngineAnalysis('complete_performance');
    samples.push(performance.now() - startedAt);
  }
  // A session runs many searches: measure steady state, after two warm-up searches.
  const search = (seed: number): ReturnType<typeof coordinator.optimizeConfiguration>['result'] =>
    coordinator.optimizeConfiguration(
      session.optimizationCriteria({ minimizeWeight: true, maximizeStealth: true, minimizeCost: true, seed, populationSize: 64, generations: 30 })
    ).result;
  for (const seed of [101, 102]) await search(seed);
  const searches = [];
  for (const seed of [1, 2, 3]) searches.push(await search(seed));
  const optimization = searches.sort((a, b) => a.result.evaluationsPerSecond - b.result.evaluationsPerSecond)[1] as (typeof searches)[number];
  const simulation = await coordinator.runSimulation(null).result;
  const base = coordinator.state.configuration?.configuration as AircraftConfiguration;
  await session.dispose();

  // Larger searches with the evaluations on 1 and on 2 worker threads (same front for a seed):
  // each worker compiles the engines' models itself, so each pool gets four warm-up searches.
  const config = loadFlightdeckConfig(join(resourcesDir, 'flightdeck.yaml'));
  const libraries = loadEngineLibraries(config);
  const onWorkers = async (workers: number): Promise<number> => {
    const pool = new EvaluationPool(config, workers);
    try {
      const optimizer = createOptimizer(libraries, pool);
      const rates: number[] = [];
      for (const seed of [101, 102, 103, 104, 1, 2, 3]) {
        const result = await optimizer.optimize(
          { minimizeWeight: true, maximizeStealth: true, minimizeCost: true, seed, populationSize: 256, generations: 20 },
          { configuration: base, configVersion: 1, inputs: { configVersion: 1, upToDate: true, staleEngines: [] } as never, signal: new AbortController().signal, reportProgress: () => undefined }
        );
        if (seed > 100) continue;
        rates.push(result.evaluationsPerSecond);
      }
      return rates.sort((a, b) => a - b)[1] as number;
    } finally {
      await pool.dispose();
    }
  };
  const oneWorker = await onWorkers(1);
  const twoWorkers = await onWorkers(2);
  return [
    { key: 'analysis.completePerformanceMs', value: percentile(samples, 50), unit: 'ms', note: `p50 of ${ANALYSES}, six engines over the bus; p99 ${percentile(samples, 99).toFixed(2)} ms` },
    { key: 'optimization.evaluationsPerSec', value: optimization.result.evaluationsPerSecond, unit: 'designs/s', note: `NSGA-II, median of 3 searches after 2 warm-up searches; ${optimization.result.evaluations} evaluations, cache hits excluded` },
    { key: 'optimization.evaluationsPerSec1Worker', value: oneWorker, unit: 'designs/s', note: 'NSGA-II, population 256 × 20 generations, evaluations on one worker thread (median of 3 after 4 warm-up searches)' },
    { key: 'optimization.evaluationsPerSec2Workers', value: twoWorkers, unit: 'designs/s', note: 'the same searches on two worker threads (the ranking between generations stays on one thread)' },
    { key: 'optimization.speedup2Workers', value: twoWorkers / oneWorker, unit: '×', note: `two worker threads over one, same run (in process: ${Math.round(optimization.result.evaluationsPerSecond).toLocaleString('en-US')}/s)` },
    { key: 'simulation.stepsPerSec', value: simulation.result.stepsPerSecond, unit: 'steps/s', note: `combat mission, ${simulation.result.steps} steps of 1 s` }
  ];
}
