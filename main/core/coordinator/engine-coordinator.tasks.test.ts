import { afterEach, describe, expect, it } from 'vitest';
import type { OptimizationResult, SimulationResult } from '../../../shared/results';
import { eventsOf, shutdownCoordinators, start } from './test-coordinator';

afterEach(shutdownCoordinators);

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
