import { afterEach, describe, expect, it } from 'vitest';
import { staleEngines } from '../../../shared/projection';
import { TestEngine, type TestConfiguration, type TestEngineBehaviour } from '../testing/test-engines';
import { EngineCoordinator } from './engine-coordinator';
import { shutdownCoordinators, track, type TestCoordinator } from './test-coordinator';

afterEach(shutdownCoordinators);

describe('EngineCoordinator invalidation (one recompute path)', () => {
  /** a → b → c → d, plus b → d; c's output does not depend on b's. */
  function chainEngines(epoch: { a: number }): Record<string, TestEngineBehaviour> {
    return {
      a: { output: () => ({ epoch: epoch.a }) },
      b: { output: (ctx) => ({ fromA: ctx.upstream.a?.epoch }) },
      c: { output: () => ({ constant: 1 }) },
      d: { output: (ctx) => ({ seen: Object.keys(ctx.upstream).sort() }) }
    };
  }
  async function startChain(epoch: { a: number }): Promise<TestCoordinator> {
    const behaviours = chainEngines(epoch);
    const graph: Record<string, string[]> = { a: [], b: ['a'], c: ['b'], d: ['c', 'b'] };
    const coordinator = track(
      new EngineCoordinator<TestConfiguration>({
        engines: Object.entries(graph).map(([id, deps]) => () => new TestEngine(id, deps, behaviours[id]))
      })
    );
    await coordinator.initialize();
    await coordinator.processConfigurationChange({ value: 1 });
    return coordinator;
  }

  it('a recompute whose outputs do not change stops there (early cutoff)', async () => {
    const coordinator = await startChain({ a: 1 });
    const before = coordinator.log.lastSeq;
    await coordinator.recomputeEngine('a', 'test');
    const after = coordinator.log.query({ afterSeq: before });
    expect(after.filter((e) => e.eventType === 'engine_output').map((e) => e.eventType === 'engine_output' && e.data.engineId)).toEqual(['a']);
    expect(after.some((e) => e.eventType === 'data_invalidated' && e.data.engineId !== 'a')).toBe(false);
  });

  it('changed outputs invalidate downstream hop by hop with the reason chain, and the walk stops where values did not change', async () => {
    const epoch = { a: 1 };
    const coordinator = await startChain(epoch);
    epoch.a = 2;
    const before = coordinator.log.lastSeq;
    await coordinator.recomputeEngine('a', 'library changed');
    const after = coordinator.log.query({ afterSeq: before });
    const recomputed = after.flatMap((e) => (e.eventType === 'engine_output' ? [e.data.engineId] : []));
    // b changed (it reads a); c recomputed (b changed) but did not change; d is b's dependent too, so it recomputes once.
    expect(recomputed).toEqual(['a', 'b', 'c', 'd']);
    const invalidations = after.flatMap((e) => (e.eventType === 'data_invalidated' ? [e.data] : []));
    const toD = invalidations.find((i) => i.engineId === 'd');
    expect(toD?.chain.map((hop) => hop.engineId)).toEqual(['a', 'b', 'd']);
    expect(toD?.hop).toBe(2);
    expect(invalidations.find((i) => i.engineId === 'a')?.hop).toBe(0);
    expect(staleEngines(coordinator.state)).toEqual([]);
  });

  it('auto-update rules carry invalidations too, and rules pointing back upstream cannot loop', async () => {
    const epoch = { a: 1 };
    const coordinator = await startChain(epoch);
    coordinator.consistency.addConsistencyRule({
      ruleId: 'loop',
      sourceEngine: 'd',
      dependentEngines: ['a'],
      dataFields: [],
      autoUpdate: true,
      severity: 'info',
      description: 'points against the dependency order'
    });
    epoch.a = 3;
    const before = coordinator.log.lastSeq;
    await coordinator.recomputeEngine('a', 'test');
    const outputs = coordinator.log.query({ afterSeq: before, eventType: 'engine_output' });
    expect(outputs.filter((e) => e.eventType === 'engine_output' && e.data.engineId === 'a')).toHaveLength(1);
  });
});
