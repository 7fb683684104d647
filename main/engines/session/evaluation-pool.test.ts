import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFlightdeckConfig } from '../../core/config/flightdeck-config';
import { createFlightdeckSession } from './create-session';
import { createOptimizer } from './design-optimizer';
import { EvaluationPool } from './evaluation-pool';
import { loadEngineLibraries } from './libraries';

const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));
const config = loadFlightdeckConfig(join(resourcesDir, 'flightdeck.yaml'));
const pools: EvaluationPool[] = [];
afterAll(async () => {
  for (const pool of pools) await pool.dispose();
});

describe('optimizer evaluation workers', () => {
  it('gives the same front for a seed on this thread, one worker thread or two', { timeout: 60_000 }, async () => {
    const session = await createFlightdeckSession({ resourcesDir, initialScenario: 'f22a' });
    const base = session.coordinator.state.configuration?.configuration;
    await session.dispose();
    const libraries = loadEngineLibraries(config);
    const criteria = { minimizeWeight: true, maximizeStealth: true, seed: 11, populationSize: 24, generations: 6 };
    const run = async (workers: number): Promise<unknown> => {
      let fanOut: EvaluationPool | undefined;
      if (workers > 0) pools.push((fanOut = new EvaluationPool(config, workers)));
      const result = await createOptimizer(libraries, fanOut).optimize(criteria, {
        configuration: base as never,
        configVersion: 1,
        signal: new AbortController().signal,
        reportProgress: () => undefined,
        inputs: { configVersion: 1, engineVersions: {}, upToDate: true, staleEngines: [] } as never
      });
      return { front: result.front.map((d) => ({ genes: d.genes, objectives: d.objectives })), evaluations: result.evaluations, cacheHits: result.cacheHits };
    };
    const here = await run(0);
    expect(await run(1)).toEqual(here);
    expect(await run(2)).toEqual(here);
  });

  it('refuses a pool of no workers', () => {
    expect(() => new EvaluationPool(config, 0)).toThrow('evaluation workers: 0 is not a whole number of at least 1');
  });
});
