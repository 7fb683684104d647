import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import type { ConsistencyRule } from '../../../shared/consistency';
import { EngineCrashError } from '../engine';
import { EngineCoordinator, type EngineCoordinatorOptions } from './engine-coordinator';
import {
  TEST_GRAPH,
  crashing,
  testEngineFactories,
  type TestConfiguration,
  type TestEngineBehaviour
} from '../testing/test-engines';

const coordinators: EngineCoordinator<TestConfiguration>[] = [];
afterEach(async () => {
  for (const c of coordinators.splice(0)) await c.shutdown();
});

async function start(
  behaviours: Record<string, TestEngineBehaviour> = {},
  options: Partial<EngineCoordinatorOptions<TestConfiguration>> = {}
): Promise<EngineCoordinator<TestConfiguration>> {
  const coordinator = new EngineCoordinator<TestConfiguration>({
    engines: testEngineFactories(behaviours),
    bus: { eventTimeoutMs: 2000, maxHistorySize: 5000 },
    ...options
  });
  coordinators.push(coordinator);
  await coordinator.initialize();
  return coordinator;
}

const settleBus = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

function outputsOf(coordinator: EngineCoordinator<TestConfiguration>, correlationId: string): EngineEvent[] {
  return coordinator.bus.getEventHistory({ correlationId, eventType: 'engine_output' });
}

const VERSION_AGREEMENT: ConsistencyRule = {
  ruleId: 'config_version',
  sourceEngine: 'design',
  dependentEngines: ['materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'],
  dataFields: ['configVersion'],
  autoUpdate: false,
  severity: 'error',
  description: 'every engine computed from the same configuration version'
};

describe('EngineCoordinator configuration changes', () => {
  it('recomputes every engine in dependency order, each output carrying the new version', async () => {
    const coordinator = await start();
    const result = await coordinator.processConfigurationChange({ value: 7 }, 'design');
    expect(result.ok).toBe(true);
    expect(result.version).toBe(1);
    expect(result.engines.map((e) => [e.engineId, e.outcome])).toEqual(
      Object.keys(TEST_GRAPH).map((id) => [id, 'computed'])
    );
    await settleBus();
    const order = outputsOf(coordinator, result.correlationId).map((e) => e.sourceEngine);
    expect(order).toHaveLength(6);
    for (const [engine, deps] of Object.entries(TEST_GRAPH)) {
      for (const dep of deps) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(engine));
    }
    for (const id of Object.keys(TEST_GRAPH)) {
      expect(coordinator.consistency.getCachedData(id)?.data).toMatchObject({ configVersion: 1, value: 7 });
    }
    expect(coordinator.consistency.getCachedData('manufacturing')?.data.upstreamSeen).toEqual([
      'aerodynamics',
      'design',
      'materials',
      'propulsion',
      'sensors'
    ]);
  });

  it('links every step of a change to it by correlation and causation ids', async () => {
    const coordinator = await start();
    const result = await coordinator.processConfigurationChange({ value: 1 });
    await settleBus();
    const chain = coordinator.bus.getEventHistory({ correlationId: result.correlationId });
    const root = chain.find((e) => e.eventType === 'configuration_changed') as EngineEvent;
    expect(root.eventId).toBe(result.eventId);
    expect(root.priority).toBe('HIGH');
    const ids = new Set(chain.map((e) => e.eventId));
    for (const event of chain) {
      if (event === root) continue;
      expect(ids.has(event.causationId as string)).toBe(true);
    }
  });

  it('runs independent engines concurrently', async () => {
    const spans: Record<string, [number, number]> = {};
    const track = (delayMs: number): TestEngineBehaviour => ({
      delayMs,
      onCompute: (id): void => {
        spans[id] = [performance.now(), performance.now() + delayMs];
      }
    });
    const coordinator = await start({ propulsion: track(40), sensors: track(40) });
    await coordinator.processConfigurationChange({ value: 1 });
    const [pStart, pEnd] = spans.propulsion as [number, number];
    const [sStart, sEnd] = spans.sensors as [number, number];
    expect(pStart < sEnd && sStart < pEnd).toBe(true);
  });

  it('reports one engine failure without failing the independent ones, and blocks its dependents', async () => {
    const coordinator = await start();
    await coordinator.injectFault('sensors', { kind: 'fail', count: 1 });
    const result = await coordinator.processConfigurationChange({ value: 3 });
    const outcome = Object.fromEntries(result.engines.map((e) => [e.engineId, e.outcome]));
    expect(outcome).toEqual({
      design: 'computed',
      materials: 'computed',
      propulsion: 'computed',
      sensors: 'failed',
      aerodynamics: 'computed',
      manufacturing: 'blocked'
    });
    expect(result.ok).toBe(false);
    expect(result.errors.join()).toMatch(/sensors failed: injected failure/);
    await settleBus();
    const errors = coordinator.bus.getEventHistory({ eventType: 'error_occurred', correlationId: result.correlationId });
    expect(errors.map((e) => e.data.engineId)).toContain('sensors');
    const stale = coordinator.consistency.getStaleness();
    expect(stale.map((s) => s.engineId).sort()).toEqual(['manufacturing', 'sensors']);
    expect(stale.find((s) => s.engineId === 'manufacturing')?.reason).toMatch(/waits on sensors, which could not compute configuration v1: injected failure/);
    const next = await coordinator.processConfigurationChange({ value: 4 });
    expect(next.ok).toBe(true);
    expect(coordinator.consistency.getStaleness()).toEqual([]);
  });

  it('restarts a crashed engine from the consistency cache and finishes the change', async () => {
    let crashNext = false;
    const coordinator = await start({
      propulsion: {
        onCompute: (id): void => {
          if (!crashNext) return;
          crashNext = false;
          throw new EngineCrashError(id, 'segfault in test model');
        }
      }
    });
    await coordinator.processConfigurationChange({ value: 1 });
    crashNext = true;
    const result = await coordinator.processConfigurationChange({ value: 2 });
    expect(result.ok).toBe(true);
    await settleBus();
    const [restarted] = coordinator.bus.getEventHistory({ eventType: 'engine_restarted' });
    expect(restarted?.data).toMatchObject({ engineId: 'propulsion', recoveredFromCache: true, recoveredConfigVersion: 1 });
    expect(restarted?.correlationId).toBe(result.correlationId);
    const status = coordinator.getSystemStatus().engines.find((e) => e.engineId === 'propulsion');
    expect(status).toMatchObject({ restarts: 1, status: 'idle', computedVersion: 2 });
  });

  it('gives up on an engine that keeps crashing and reports it failed', async () => {
    const coordinator = await start({ aerodynamics: crashing(100) });
    const result = await coordinator.processConfigurationChange({ value: 1 });
    const aero = result.engines.find((e) => e.engineId === 'aerodynamics');
    expect(aero?.outcome).toBe('failed');
    expect(aero?.error).toMatch(/gave up after 2 restarts/);
    expect(result.engines.find((e) => e.engineId === 'manufacturing')?.outcome).toBe('blocked');
  });

  it('an injected crash restarts the engine at once with its cached state', async () => {
    const coordinator = await start();
    await coordinator.processConfigurationChange({ value: 5 });
    await coordinator.injectFault('materials', { kind: 'crash' });
    await settleBus();
    const types = coordinator.bus.getEventHistory({ sourceEngine: 'materials' }).map((e) => e.eventType);
    expect(types).toContain('engine_restarted');
    expect(coordinator.bus.getEventHistory({ eventType: 'fault_injected' })).toHaveLength(1);
    expect(coordinator.getSystemStatus().engines.find((e) => e.engineId === 'materials')?.status).toBe('idle');
  });

  it('rejects an invalid configuration with validation_failed and keeps the accepted one', async () => {
    const coordinator = await start(
      {},
      {
        validateConfiguration: (raw) =>
          typeof (raw as TestConfiguration).value === 'number'
            ? { ok: true, configuration: raw as TestConfiguration }
            : { ok: false, errors: ['value: expected a number'] }
      }
    );
    await coordinator.processConfigurationChange({ value: 9 });
    const bad = await coordinator.processConfigurationChange({ value: 'nine' });
    expect(bad).toMatchObject({ ok: false, version: 1, errors: ['value: expected a number'] });
    expect(coordinator.configuration).toEqual({ version: 1, configuration: { value: 9 } });
    await settleBus();
    expect(coordinator.bus.getEventHistory({ eventType: 'validation_failed' })).toHaveLength(1);
  });

  it('opens a version violation when an engine falls behind and resolves it when it catches up', async () => {
    const coordinator = await start({}, { rules: [VERSION_AGREEMENT] });
    await coordinator.processConfigurationChange({ value: 1 });
    await coordinator.injectFault('propulsion', { kind: 'fail', count: 1 });
    const behind = await coordinator.processConfigurationChange({ value: 2 });
    const opened = behind.violations.opened.map((v) => v.dependentEngine).sort();
    expect(opened).toEqual(['aerodynamics', 'manufacturing', 'propulsion']);
    expect(behind.violations.opened[0]?.message).toMatch(/config_version/);
    const caughtUp = await coordinator.processConfigurationChange({ value: 3 });
    expect(caughtUp.violations.resolved).toHaveLength(3);
    expect(caughtUp.violations.open).toBe(0);
  });

  it('serialises concurrent changes in call order', async () => {
    const coordinator = await start({ design: { delayMs: 5 } });
    const results = await Promise.all([1, 2, 3].map((value) => coordinator.processConfigurationChange({ value })));
    expect(results.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(coordinator.consistency.getCachedData('manufacturing')?.data.value).toBe(3);
  });
});

describe('EngineCoordinator analyses', () => {
  const contributes = (analyses: string[]): TestEngineBehaviour => ({ analyses });

  it('asks contributors in dependency order and passes earlier contributions on', async () => {
    const coordinator = await start({
      design: contributes(['cost_analysis']),
      propulsion: contributes(['cost_analysis']),
      manufacturing: contributes(['cost_analysis'])
    });
    await coordinator.processConfigurationChange({ value: 1 });
    const result = await coordinator.runCrossEngineAnalysis('cost_analysis');
    expect(Object.keys(result.contributions).sort()).toEqual(['design', 'manufacturing', 'propulsion']);
    expect(result.contributions.manufacturing).toMatchObject({ sawContributions: ['design', 'propulsion'] });
    expect(result.contributions.design).toMatchObject({ sawContributions: [] });
    expect(result.errors).toEqual({});
    await settleBus();
    expect(coordinator.bus.getEventHistory({ eventType: 'analysis_completed', correlationId: result.correlationId })).toHaveLength(1);
  });

  it('names an unknown analysis type and lists the known ones', async () => {
    const coordinator = await start();
    await expect(coordinator.runCrossEngineAnalysis('vibes')).rejects.toThrow(/unknown analysis type "vibes".*complete_performance/);
  });

  it('reports a contributor that does not answer in time and keeps the others', async () => {
    const coordinator = await start(
      { design: contributes(['stealth_analysis']), sensors: contributes(['stealth_analysis']) },
      { bus: { eventTimeoutMs: 60, maxHistorySize: 1000 } }
    );
    await coordinator.processConfigurationChange({ value: 1 });
    const slowSensors = coordinator.bus.subscribe('sensors', ['analysis_started'], () => new Promise(() => undefined));
    // Replace the engine's own answer with a hanging one: only the timeout can end the request.
    (coordinator.registry.getEngine('sensors') as unknown as { dispose(): void }).dispose();
    const result = await coordinator.runCrossEngineAnalysis('stealth_analysis');
    slowSensors.dispose();
    expect(result.contributions.design).toBeDefined();
    expect(result.errors.sensors).toMatch(/timed out after 60 ms; no answer from: sensors/);
  });
});

describe('EngineCoordinator invalidation', () => {
  it('refreshing an engine invalidates its dependents through autoUpdate rules, hop by hop', async () => {
    let materialValue = 1;
    const coordinator = await start(
      {
        materials: {
          onCompute: (_id, context): void => {
            context.configuration = { value: materialValue };
          }
        }
      },
      {
        rules: [
          { ruleId: 'm_to_p', sourceEngine: 'materials', dependentEngines: ['propulsion'], dataFields: ['value'], autoUpdate: true, severity: 'warning', description: 'materials feed propulsion' },
          { ruleId: 'p_to_a', sourceEngine: 'propulsion', dependentEngines: ['aerodynamics'], dataFields: ['value'], autoUpdate: true, severity: 'warning', description: 'propulsion feeds aerodynamics' }
        ]
      }
    );
    await coordinator.processConfigurationChange({ value: 1 });
    materialValue = 2;
    const { changedFields } = await coordinator.refreshEngine('materials', 'library updated');
    expect(changedFields).toEqual(['value']);
    await settleBus();
    const invalidated = coordinator.bus.getEventHistory({ eventType: 'data_invalidated' });
    expect(invalidated.map((e) => e.targetEngines?.[0])).toEqual(['propulsion']);
    expect(invalidated[0]?.data).toMatchObject({ rules: ['m_to_p'], fields: ['value'] });
  });
});

describe('EngineCoordinator long-running tasks', () => {
  it('runs an optimization through the strategy with started, progress and completed events', async () => {
    const coordinator = await start(
      {},
      {
        optimizer: {
          optimize: async (criteria, context) => {
            for (let i = 1; i <= 3; i++) {
              context.reportProgress({ fraction: i / 3, message: `generation ${i}` });
              await new Promise((resolve) => setTimeout(resolve, 120));
            }
            return { front: [{ value: context.configuration.value * 2 }], criteria };
          }
        }
      }
    );
    await coordinator.processConfigurationChange({ value: 21 });
    const handle = coordinator.optimizeConfiguration({ minimizeWeight: true });
    const outcome = await handle.result;
    expect(outcome).toMatchObject({ cancelled: false, result: { front: [{ value: 42 }] } });
    await settleBus();
    const history = coordinator.bus.getEventHistory({ correlationId: handle.taskId }).map((e) => e.eventType);
    expect(history[0]).toBe('optimization_started');
    expect(history.filter((t) => t === 'optimization_progress').length).toBeGreaterThanOrEqual(2);
    expect(history.at(-1)).toBe('optimization_completed');
  });

  it('cancels a simulation and says so', async () => {
    const coordinator = await start(
      {},
      {
        simulator: {
          simulate: async (_profile, context) => {
            let steps = 0;
            while (!context.signal.aborted) {
              steps++;
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
            return { steps };
          }
        }
      }
    );
    await coordinator.processConfigurationChange({ value: 1 });
    const handle = coordinator.runSimulation({ phases: [] });
    setTimeout(() => coordinator.cancelTask(handle.taskId), 30);
    const outcome = await handle.result;
    expect(outcome.cancelled).toBe(true);
    await settleBus();
    expect(coordinator.bus.getEventHistory({ eventType: 'simulation_cancelled' })).toHaveLength(1);
  });

  it('says clearly when no optimizer is configured', async () => {
    const coordinator = await start();
    await coordinator.processConfigurationChange({ value: 1 });
    expect(() => coordinator.optimizeConfiguration({})).toThrow(/no optimizer is configured/);
  });
});
