import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import { engineStatus, freshnessOf, isGivenUp, staleEngine, staleEngines } from '../../../shared/projection';
import { TEST_GRAPH, crashing } from '../testing/test-engines';
import { DEPENDENTS, eventsOf, policy, shutdownCoordinators, start } from './test-coordinator';

afterEach(shutdownCoordinators);

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

describe('a failure after a computation', () => {
  it('becomes an error_occurred event and the walk goes on', async () => {
    const coordinator = await start();
    coordinator.consistency.recheckEngine = () => {
      throw new Error('boom');
    };
    const result = await coordinator.processConfigurationChange({ value: 1 });
    expect(result.engines.every((e) => e.outcome === 'computed')).toBe(true);
    const errors = eventsOf(coordinator, 'error_occurred').map((e) => e.data.message);
    expect(errors).toHaveLength(6);
    expect(errors[0]).toBe('after computing: boom');
  });
});
