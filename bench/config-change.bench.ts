import { EngineCoordinator } from '../main/core/coordinator/engine-coordinator';
import { testEngineFactories, type TestConfiguration } from '../main/core/testing/test-engines';
import { percentile, type BenchRow } from './measure';

const WARMUP = 1000;
const CHANGES = 5000;

/** A configuration change from the coordinator through design and its five dependent engines. */
export async function benchConfigChange(): Promise<BenchRow[]> {
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
