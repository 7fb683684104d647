import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import { INITIAL_SESSION_STATE, engineStatus, freshnessOf, isGivenUp, projectAll, staleEngine, staleEngines } from '../../../shared/projection';
import type { OptimizationResult, SimulationResult } from '../../../shared/results';
import { versionAgreementRule } from '../consistency';
import { EngineCoordinator, type EngineCoordinatorOptions } from './engine-coordinator';
import type { RestartPolicy } from './supervisor';
import { TEST_GRAPH, crashing, testEngineFactories, type TestConfiguration, type TestEngineBehaviour } from '../testing/test-engines';

const coordinators: EngineCoordinator<TestConfiguration>[] = [];
afterEach(async () => {
  for (const c of coordinators.splice(0)) await c.shutdown();
});

const DEPENDENTS = ['materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

/** A restart policy for tests: by default restarts wait a minute, so a failure stays in view. */
function policy(overrides: Partial<RestartPolicy> = {}): RestartPolicy {
  return { maxRestarts: 3, windowMs: 60_000, backoffMs: 60_000, maxBackoffMs: 60_000, jitter: 0, ...overrides };
}

async function start(
  behaviours: Record<string, TestEngineBehaviour> = {},
  options: Partial<EngineCoordinatorOptions<TestConfiguration>> = {}
): Promise<EngineCoordinator<TestConfiguration>> {
  const coordinator = new EngineCoordinator<TestConfiguration>({
    engines: testEngineFactories(behaviours),
    bus: { eventTimeoutMs: 2000, maxHistorySize: 10_000 },
    rules: [versionAgreementRule('config_version', 'design', DEPENDENTS)],
    restartPolicy: () => policy(),
    ...options
  });
  coordinators.push(coordinator);
  await coordinator.initialize();
  return coordinator;
}

function eventsOf<K extends EngineEvent['eventType']>(coordinator: EngineCoordinator<TestConfiguration>, eventType: K, correlationId?: string): EngineEvent<K>[] {
  return coordinator.log.query({ eventType, correlationId }) as EngineEvent<K>[];
}


describe('EngineCoordinator configuration changes', () => {
  it('recomputes every engine in dependency order; each output carries the version', async () => {
    const coordinator = await start();
    const result = await coordinator.processConfigurationChange({ value: 7 }, 'design');
    expect(result).toMatchObject({ ok: true, version: 1 });
    expect(result.engines.map((e) => [e.engineId, e.outcome])).toEqual(Object.keys(TEST_GRAPH).map((id) => [id, 'computed']));
    const outputs = eventsOf(coordinator, 'engine_output', result.correlationId);
    const order = outputs.map((e) => e.data.engineId);
    expect(order).toHaveLength(6);
    for (const [engine, deps] of Object.entries(TEST_GRAPH)) for (const dep of deps) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(engine));
    for (const event of outputs) expect([event.data.version, event.configVersion]).toEqual([1, 1]);
    const state = coordinator.state;
    for (const id of Object.keys(TEST_GRAPH)) expect(state.engines[id]).toMatchObject({ computedVersion: 1, outputs: { value: 7 } });
    expect(state.engines.manufacturing?.outputs?.upstreamSeen).toEqual(['aerodynamics', 'design', 'materials', 'propulsion', 'sensors']);
  });

  it('numbers versions itself: nobody else can', async () => {
    const coordinator = await start();
    for (let i = 1; i <= 3; i++) expect((await coordinator.processConfigurationChange({ value: i })).version).toBe(i);
    expect(coordinator.configuration).toEqual({ configuration: { value: 3 }, version: 3 });
    expect(eventsOf(coordinator, 'configuration_changed').map((e) => [e.data.version, e.data.previousVersion])).toEqual([
      [1, null],
      [2, 1],
      [3, 2]
    ]);
  });

  it('links every step of a change by correlation id, and each output to what caused it', async () => {
    const coordinator = await start();
    const result = await coordinator.processConfigurationChange({ value: 1 });
    const chain = coordinator.log.query({ correlationId: result.correlationId });
    const byId = new Map(chain.map((e) => [e.eventId, e]));
    expect(chain[0]?.eventType).toBe('configuration_changed');
    for (const event of chain.slice(1)) expect(byId.has(event.causationId ?? '')).toBe(true);
    const outputs = eventsOf(coordinator, 'engine_output', result.correlationId);
    const outputOf = (id: string): EngineEvent<'engine_output'> | undefined => outputs.find((e) => e.data.engineId === id);
    // design computed because of the change; materials because design's outputs changed; aerodynamics
    // after the newest of its inputs (propulsion, computed after materials).
    expect(outputOf('design')?.causationId).toBe(result.eventId);
    expect(outputOf('materials')?.causationId).toBe(outputOf('design')?.eventId);
    expect(outputOf('aerodynamics')?.causationId).toBe(outputOf('propulsion')?.eventId);
    // Engines behind the version recompute anyway: no invalidation is raised for them.
    expect(chain.some((e) => e.eventType === 'data_invalidated')).toBe(false);
    expect(outputOf('design')?.targetEngines).toEqual(['materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing']);
  });

  it('runs independent engines concurrently', async () => {
    let running = 0;
    let peak = 0;
    const slow: TestEngineBehaviour = {
      onCompute: () => {
        running++;
        peak = Math.max(peak, running);
        setTimeout(() => running--, 30);
      },
      delayMs: 30
    };
    const coordinator = await start({ propulsion: slow, sensors: slow });
    await coordinator.processConfigurationChange({ value: 1 });
    expect(peak).toBe(2);
  });

  it('refuses a configuration the check refuses: validation_failed, the version unchanged, nothing recomputed', async () => {
    const coordinator = await start({}, {
      checkConfiguration: (raw) => {
        const value = (raw as TestConfiguration).value;
        return Number.isFinite(value)
          ? { ok: true, configuration: raw as TestConfiguration, findings: [] }
          : { ok: false, findings: [{ code: 'NOT_FINITE', severity: 'error', path: 'value', message: 'must be a finite number' }] };
      }
    });
    await coordinator.processConfigurationChange({ value: 1 });
    const before = coordinator.log.query({ eventType: 'engine_output' }).length;
    const result = await coordinator.processConfigurationChange({ value: Number.POSITIVE_INFINITY });
    expect(result).toMatchObject({ ok: false, version: 1, errors: ['value: must be a finite number'] });
    expect(coordinator.state.lastRefusal?.findings[0]?.path).toBe('value');
    expect(coordinator.configuration?.version).toBe(1);
    expect(coordinator.log.query({ eventType: 'engine_output' })).toHaveLength(before);
  });

  it('serialises concurrent changes in call order', async () => {
    const coordinator = await start();
    const results = await Promise.all([1, 2, 3].map((value) => coordinator.processConfigurationChange({ value })));
    expect(results.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(coordinator.state.engines.manufacturing?.outputs?.value).toBe(3);
  });

  it('refuses an engine output that is not finite, naming the field', async () => {
    const coordinator = await start({ propulsion: { output: () => ({ thrustKN: Number.NaN }) } });
    const result = await coordinator.processConfigurationChange({ value: 1 });
    expect(result.engines.find((e) => e.engineId === 'propulsion')).toMatchObject({ outcome: 'failed', error: 'output thrustKN is NaN, not a finite number' });
    expect(coordinator.state.engines.propulsion?.outputs).toBeNull();
  });
});

describe('EngineCoordinator faults and recovery', () => {
  it('blocks the dependents of a failed engine, naming the failure, and keeps the rest', async () => {
    const coordinator = await start();
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('materials', { kind: 'fail', count: 1 });
    const result = await coordinator.processConfigurationChange({ value: 2 });
    expect(result.ok).toBe(false);
    expect(Object.fromEntries(result.engines.map((e) => [e.engineId, e.outcome]))).toEqual({
      design: 'computed',
      materials: 'failed',
      propulsion: 'blocked',
      sensors: 'blocked',
      aerodynamics: 'blocked',
      manufacturing: 'blocked'
    });
    const stale = staleEngines(coordinator.state);
    expect(stale.map((s) => s.engineId)).toEqual(DEPENDENTS);
    const aerodynamics = stale.find((s) => s.engineId === 'aerodynamics');
    expect(aerodynamics?.originEngine).toBe('materials');
    expect(aerodynamics?.reason).toMatch(/waits on materials, which could not compute configuration v2: injected failure/);
    expect(Object.values(coordinator.state.violations.open).map((v) => v.dependentEngine).sort()).toEqual([...DEPENDENTS].sort());
  });

  it('after engine.restart every stale mark and violation the fault caused resolves at once', async () => {
    const coordinator = await start();
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('materials', { kind: 'fail', count: 1 });
    await coordinator.processConfigurationChange({ value: 2 });
    expect(staleEngines(coordinator.state)).toHaveLength(5);
    await coordinator.restartEngine('materials');
    const state = coordinator.state;
    expect(staleEngines(state)).toEqual([]);
    expect(state.violations.open).toEqual({});
    for (const id of Object.keys(TEST_GRAPH)) {
      expect(engineStatus(state, id)).toBe('idle');
      expect(state.engines[id]?.computedVersion).toBe(2);
    }
    // The recovery is told by events: resolutions follow the restart in the log.
    const restart = eventsOf(coordinator, 'engine_restarted').at(-1) as EngineEvent;
    expect(eventsOf(coordinator, 'violation_resolved').filter((e) => e.seq > restart.seq)).toHaveLength(5);
  });

  it('after a late result nothing the delay caused stays open or stale', async () => {
    const coordinator = await start({}, { bus: { eventTimeoutMs: 60, maxHistorySize: 10_000 } });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('aerodynamics', { kind: 'slow', delayMs: 250 });
    const result = await coordinator.processConfigurationChange({ value: 2 });
    expect(result.engines.find((e) => e.engineId === 'aerodynamics')?.outcome).toBe('unfinished');
    expect(engineStatus(coordinator.state, 'aerodynamics')).toBe('busy');
    await coordinator.whenQuiet();
    const state = coordinator.state;
    expect(state.violations.open).toEqual({});
    expect(staleEngines(state)).toEqual([]);
    expect(state.engines.manufacturing?.computedVersion).toBe(2);
  });

  it('a result that a newer version overtook is dropped, and the engine computes the newer one', async () => {
    const coordinator = await start({}, { bus: { eventTimeoutMs: 40, maxHistorySize: 10_000 } });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('aerodynamics', { kind: 'slow', delayMs: 120 });
    await coordinator.processConfigurationChange({ value: 2 });
    await coordinator.processConfigurationChange({ value: 3 });
    await coordinator.whenQuiet();
    const versions = eventsOf(coordinator, 'engine_output').filter((e) => e.data.engineId === 'aerodynamics').map((e) => e.data.version);
    expect(versions.at(-1)).toBe(3);
    expect(versions).not.toContain(2);
    expect(coordinator.state.engines.aerodynamics?.outputs?.value).toBe(3);
  });

  it('after its backoff the supervisor restarts a crashed engine with its published outputs, and the walk finishes', async () => {
    const coordinator = await start({ propulsion: crashing(1) }, { restartPolicy: () => policy({ backoffMs: 5 }) });
    const result = await coordinator.processConfigurationChange({ value: 5 });
    expect(result.engines.find((e) => e.engineId === 'propulsion')?.outcome).toBe('failed');
    const failed = eventsOf(coordinator, 'engine_status_changed').find((e) => e.data.status === 'failed');
    expect(failed?.data).toMatchObject({ engineId: 'propulsion', retryInMs: 5 });
    await coordinator.whenQuiet();
    expect(eventsOf(coordinator, 'engine_restarted').map((e) => e.data.engineId)).toEqual(['propulsion']);
    expect(coordinator.state.engines.propulsion).toMatchObject({ computedVersion: 1, restarts: 1, condition: { kind: 'ok' } });
    expect(staleEngines(coordinator.state)).toEqual([]);
  });

  it('backs off exponentially and gives an engine up after its restarts within the window; it stays down until a user restarts it', async () => {
    const coordinator = await start({ sensors: crashing(10) }, { restartPolicy: () => policy({ maxRestarts: 2, backoffMs: 4 }) });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.whenQuiet();
    const failures = eventsOf(coordinator, 'engine_status_changed').filter((e) => e.data.engineId === 'sensors' && e.data.status === 'failed');
    expect(failures.map((e) => e.data.retryInMs ?? 'final')).toEqual([4, 8, 'final']);
    expect(failures.at(-1)?.data.reason).toMatch(/given up: 3 failures within 60 s \(at most 2 restarts allowed\)/);
    expect(isGivenUp(coordinator.state, 'sensors')).toBe(true);
    // sensors never computed, so there is nothing to run degraded on: manufacturing waits.
    expect(engineStatus(coordinator.state, 'manufacturing')).toBe('blocked');
  });

  it('the dependents of a given-up engine run degraded on its last outputs, visibly, until it is back', async () => {
    const coordinator = await start({}, { restartPolicy: () => policy({ maxRestarts: 1, backoffMs: 2 }) });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('materials', { kind: 'fail', count: 10 });
    await coordinator.processConfigurationChange({ value: 2 });
    await coordinator.whenQuiet();
    let state = coordinator.state;
    expect(isGivenUp(state, 'materials')).toBe(true);
    for (const id of ['propulsion', 'sensors', 'aerodynamics', 'manufacturing']) {
      expect([id, engineStatus(state, id), state.engines[id]?.computedVersion]).toEqual([id, 'degraded', 2]);
      expect(state.engines[id]?.degradedBy).toEqual(['materials']);
    }
    expect(staleEngine(state, 'aerodynamics')?.reason).toMatch(/computed v2 from the last outputs of materials, given up/);
    expect(freshnessOf(state, ['aerodynamics']).upToDate).toBe(false);
    await coordinator.injectFault('materials', { kind: 'clear' });
    await coordinator.restartEngine('materials');
    await coordinator.whenQuiet();
    state = coordinator.state;
    expect(Object.keys(TEST_GRAPH).map((id) => engineStatus(state, id))).toEqual(Object.keys(TEST_GRAPH).map(() => 'idle'));
    expect(staleEngines(state)).toEqual([]);
  });

  it('a given-up engine is not retried by the next configuration: it stays failed, its dependents degraded, until a user restarts it', async () => {
    const coordinator = await start({}, { restartPolicy: () => policy({ maxRestarts: 1, backoffMs: 2 }) });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('materials', { kind: 'fail', count: 2 });
    await coordinator.processConfigurationChange({ value: 2 });
    await coordinator.whenQuiet();
    expect(isGivenUp(coordinator.state, 'materials')).toBe(true);
    // Its armed failures are spent: a retry would succeed, so only the policy keeps it down.
    await coordinator.processConfigurationChange({ value: 3 });
    await coordinator.whenQuiet();
    const state = coordinator.state;
    expect([engineStatus(state, 'materials'), state.engines.materials?.computedVersion]).toEqual(['failed', 1]);
    expect([engineStatus(state, 'propulsion'), state.engines.propulsion?.computedVersion, state.engines.propulsion?.degradedBy]).toEqual(['degraded', 3, ['materials']]);
    await coordinator.restartEngine('materials');
    await coordinator.whenQuiet();
    expect([engineStatus(coordinator.state, 'materials'), coordinator.state.engines.materials?.computedVersion]).toEqual(['idle', 3]);
  });

  it('an injected crash is a failure the supervisor restarts from, restoring the outputs', async () => {
    const coordinator = await start({}, { restartPolicy: () => policy({ backoffMs: 1 }) });
    await coordinator.processConfigurationChange({ value: 9 });
    await coordinator.injectFault('design', { kind: 'crash' });
    expect(engineStatus(coordinator.state, 'design')).toBe('failed');
    expect(eventsOf(coordinator, 'error_occurred').at(-1)?.data).toMatchObject({ engineId: 'design', crash: true });
    await coordinator.whenQuiet();
    const restarted = eventsOf(coordinator, 'engine_restarted').at(-1);
    expect(restarted?.data).toMatchObject({ engineId: 'design', recoveredFromCache: true, recoveredConfigVersion: 1 });
    expect(engineStatus(coordinator.state, 'design')).toBe('idle');
  });
});

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
  async function startChain(epoch: { a: number }): Promise<EngineCoordinator<TestConfiguration>> {
    const behaviours = chainEngines(epoch);
    const graph: Record<string, string[]> = { a: [], b: ['a'], c: ['b'], d: ['c', 'b'] };
    const { TestEngine } = await import('../testing/test-engines');
    const coordinator = new EngineCoordinator<TestConfiguration>({
      engines: Object.entries(graph).map(([id, deps]) => () => new TestEngine(id, deps, behaviours[id]))
    });
    coordinators.push(coordinator);
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

describe('EngineCoordinator analyses', () => {
  const analyses = { analyses: ['complete_performance'] };

  it('asks contributors in dependency order and passes earlier contributions on', async () => {
    const coordinator = await start({ design: analyses, aerodynamics: analyses, manufacturing: analyses });
    await coordinator.processConfigurationChange({ value: 1 });
    const result = await coordinator.runCrossEngineAnalysis('complete_performance');
    expect(result.inputs).toEqual({ configVersion: 1, upToDate: true, staleInputs: [] });
    expect(result.contributions.manufacturing).toMatchObject({ sawContributions: ['aerodynamics', 'design'] });
    expect(coordinator.state.analyses.complete_performance?.correlationId).toBe(result.correlationId);
  });

  it('an analysis whose inputs are failed or blocked says so and is never presented as current', async () => {
    const coordinator = await start({ design: analyses, aerodynamics: analyses, manufacturing: analyses });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('materials', { kind: 'fail', count: 1 });
    await coordinator.processConfigurationChange({ value: 2 });
    const result = await coordinator.runCrossEngineAnalysis('complete_performance');
    expect(result.inputs.upToDate).toBe(false);
    expect(result.inputs.configVersion).toBe(2);
    expect(result.inputs.staleInputs.map((s) => [s.engineId, s.computedVersion, s.status])).toEqual([
      ['materials', 1, 'failed'],
      ['propulsion', 1, 'blocked'],
      ['sensors', 1, 'blocked'],
      ['aerodynamics', 1, 'blocked'],
      ['manufacturing', 1, 'blocked']
    ]);
    expect(Object.keys(result.errors).sort()).toEqual(['aerodynamics', 'manufacturing']);
    expect(result.errors.aerodynamics).toMatch(/^not current: /);
    expect(Object.keys(result.contributions)).toEqual(['design']);
  });

  it('names an unknown analysis type and lists the known ones', async () => {
    const coordinator = await start();
    await expect(coordinator.runCrossEngineAnalysis('nope')).rejects.toThrow(/unknown analysis type "nope"; expected one of: complete_performance/);
  });

  it('reports a contributor that does not answer in time, naming it, and keeps the others', async () => {
    const coordinator = await start(
      { design: analyses, aerodynamics: { analyses: ['complete_performance'], analyzeDelayMs: 200 } },
      { bus: { eventTimeoutMs: 50, maxHistorySize: 1000 } }
    );
    await coordinator.processConfigurationChange({ value: 1 });
    const result = await coordinator.runCrossEngineAnalysis('complete_performance');
    expect(Object.keys(result.contributions)).toEqual(['design']);
    expect(result.errors.aerodynamics).toMatch(/timed out after 50 ms; no answer from aerodynamics/);
  });
});

describe('EngineCoordinator status and shutdown', () => {
  it('after shutdown the status says not initialized and every engine stopped', async () => {
    const coordinator = new EngineCoordinator<TestConfiguration>({ engines: testEngineFactories() });
    await coordinator.initialize();
    await coordinator.processConfigurationChange({ value: 1 });
    expect(coordinator.getSystemStatus().initialized).toBe(true);
    await coordinator.shutdown();
    const status = coordinator.getSystemStatus();
    expect(status.initialized).toBe(false);
    expect(status.engines.map((e) => e.status)).toEqual(Object.keys(TEST_GRAPH).map(() => 'stopped'));
    await expect(coordinator.processConfigurationChange({ value: 2 })).rejects.toThrow(/shut down/);
  });

  it('the status has a performance section; the performance report has the history count and the graph', async () => {
    const coordinator = await start();
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.runCrossEngineAnalysis('complete_performance');
    const status = coordinator.getSystemStatus();
    expect(status.performance.deliveredTotal).toBeGreaterThan(0);
    expect(status.lastSeq).toBe(coordinator.log.lastSeq);
    const report = coordinator.getPerformanceReport();
    expect(report.eventHistoryCount).toBe(coordinator.log.size);
    expect(report.dependencyGraph.edges).toContainEqual({ from: 'aerodynamics', to: 'propulsion' });
  });

  it('the session state is the projection of the whole log', async () => {
    const coordinator = await start({}, { restartPolicy: () => policy({ backoffMs: 1 }) });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('sensors', { kind: 'fail', count: 1 });
    await coordinator.processConfigurationChange({ value: 2 });
    await coordinator.whenQuiet();
    expect(projectAll(coordinator.log.query())).toEqual(coordinator.state);
    expect(projectAll(coordinator.log.query(), INITIAL_SESSION_STATE).seq).toBe(coordinator.log.lastSeq);
  });
});

describe('EngineCoordinator long-running tasks', () => {
  const inputs = { configVersion: 1, upToDate: true, staleInputs: [] };
  const front: OptimizationResult = {
    objectives: [{ name: 'massKg', unit: 'kg', sense: 'min' }],
    front: [],
    evaluations: 10,
    cacheHits: 0,
    generations: 2,
    cancelled: false,
    evaluationsPerSecond: 100,
    seed: 1,
    inputs
  };

  it('runs an optimization through the strategy; the state follows started, progress and completed', async () => {
    const coordinator = await start({}, {
      optimizer: {
        optimize: async (_criteria, context) => {
          context.reportProgress({ fraction: 0.5, message: 'half', data: { evaluations: 5, front: [{ massKg: 1 }] } });
          return { ...front, inputs: context.inputs };
        }
      }
    });
    await coordinator.processConfigurationChange({ value: 1 });
    const outcome = await coordinator.optimizeConfiguration({ minimizeWeight: true }).result;
    expect(outcome.result.inputs).toEqual(inputs);
    const task = coordinator.state.tasks[outcome.taskId];
    expect(task).toMatchObject({ kind: 'optimization', status: 'completed', fraction: 1, configVersion: 1 });
    expect((task?.result as OptimizationResult).evaluations).toBe(10);
    expect(eventsOf(coordinator, 'optimization_progress', outcome.taskId)).toHaveLength(1);
  });

  it('an optimization started while engines are failed or blocked carries that in its inputs', async () => {
    const coordinator = await start({}, { optimizer: { optimize: async (_criteria, context) => ({ ...front, inputs: context.inputs }) } });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('propulsion', { kind: 'fail', count: 1 });
    await coordinator.processConfigurationChange({ value: 2 });
    const outcome = await coordinator.optimizeConfiguration({ minimizeWeight: true }).result;
    expect(outcome.result.inputs.upToDate).toBe(false);
    expect(outcome.result.inputs.staleInputs.map((s) => [s.engineId, s.computedVersion, s.status])).toEqual([
      ['propulsion', 1, 'failed'],
      ['aerodynamics', 1, 'blocked'],
      ['manufacturing', 1, 'blocked']
    ]);
  });

  it('cancels a simulation and says so', async () => {
    const coordinator = await start({}, {
      simulator: {
        simulate: async (_profile, context) => {
          await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
          return { cancelled: true } as SimulationResult;
        }
      }
    });
    await coordinator.processConfigurationChange({ value: 1 });
    const handle = coordinator.runSimulation(null);
    expect(coordinator.cancelTask(handle.taskId)).toBe(true);
    const outcome = await handle.result;
    expect(outcome.cancelled).toBe(true);
    expect(coordinator.state.tasks[handle.taskId]?.status).toBe('cancelled');
  });

  it('says clearly when no optimizer is configured or no configuration applied', async () => {
    const coordinator = await start();
    expect(() => coordinator.optimizeConfiguration({})).toThrow(/no optimizer is configured/);
  });
});
