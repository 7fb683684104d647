import { EngineCoordinator } from '../main/core/coordinator/engine-coordinator';
import { testEngineFactories, type TestConfiguration } from '../main/core/testing/test-engines';
import { percentile, type BenchRow } from './measure';
import { benchSession } from './session';

const WARMUP = 1000;
const CHANGES = 5000;
/**
 * Changes before measuring: V8 is still compiling the engines' models through the first ~1,500
 * (about a second of changes); after 300 the p99 measured JIT work (5 ms here), not the change.
 */
const REAL_WARMUP = 3000;
const REAL_CHANGES = 2000;
/** The engines a real change swaps between (each change installs the next one). */
const ENGINE_MODELS = ['F119-PW-100', 'F135-PW-100', 'F110-GE-129', 'EJ200'];

/** A configuration change from the coordinator through design and its five dependent engines, trivial models. */
async function trivialEngines(): Promise<BenchRow[]> {
  const coordinator = new EngineCoordinator<TestConfiguration>({ engines: testEngineFactories() });
  await coordinator.initialize();
  for (let i = 0; i < WARMUP; i++) await coordinator.processConfigurationChange({ value: i });
  const samples: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const startedAt = performance.now();
    const result = await coordinator.processConfigurationChange({ value: i });
    samples.push(performance.now() - startedAt);
    if (!result.ok) throw new Error(`configuration change failed: ${result.errors.join('; ')}`);
  }
  await coordinator.shutdown();
  return [
    { key: 'configChange.p50Ms', value: percentile(samples, 50), unit: 'ms', note: 'design → 5 dependent engines, trivial models, after 1,000 warm-up changes' },
    { key: 'configChange.p99Ms', value: percentile(samples, 99), unit: 'ms' }
  ];
}

/**
 * The same through the six real engines of the F-22A session, each change swapping the engine
 * model (so every engine's outputs change): the check, the log, the projection, the recompute
 * path and the rule checks included, as a user's change runs.
 */
async function realEngines(): Promise<BenchRow[]> {
  const session = await benchSession('f22a');
  const base = session.loadScenario('f22a');
  const change = (i: number): Promise<{ ok: boolean; errors: string[] }> =>
    session.coordinator.processConfigurationChange({ ...base, propulsion: { ...base.propulsion, engineModel: ENGINE_MODELS[i % ENGINE_MODELS.length] as string } });
  for (let i = 0; i < REAL_WARMUP; i++) await change(i);
  const samples: number[] = [];
  for (let i = 0; i < REAL_CHANGES; i++) {
    const startedAt = performance.now();
    const result = await change(i);
    samples.push(performance.now() - startedAt);
    if (!result.ok) throw new Error(`configuration change failed: ${result.errors.join('; ')}`);
  }
  await session.dispose();
  return [
    { key: 'configChange.realEnginesP50Ms', value: percentile(samples, 50), unit: 'ms', note: `F-22A, six real engines, an engine swap each change, ${REAL_CHANGES} changes after ${REAL_WARMUP} warm-up` },
    { key: 'configChange.realEnginesP99Ms', value: percentile(samples, 99), unit: 'ms' }
  ];
}

export async function benchConfigChange(): Promise<BenchRow[]> {
  return [...(await trivialEngines()), ...(await realEngines())];
}
