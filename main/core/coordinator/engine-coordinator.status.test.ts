import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_SESSION_STATE, projectAll } from '../../../shared/projection';
import { TEST_GRAPH, testEngineFactories, type TestConfiguration } from '../testing/test-engines';
import { EngineCoordinator } from './engine-coordinator';
import { policy, shutdownCoordinators, start } from './test-coordinator';

afterEach(shutdownCoordinators);

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
