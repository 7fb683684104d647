import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import { TEST_GRAPH, type TestConfiguration, type TestEngineBehaviour } from '../testing/test-engines';
import { eventsOf, shutdownCoordinators, start } from './test-coordinator';

afterEach(shutdownCoordinators);

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

  it('has each output carry the previous value of every field it changed', async () => {
    const coordinator = await start();
    const first = await coordinator.processConfigurationChange({ value: 7 });
    // The first outputs have nothing before them.
    for (const event of eventsOf(coordinator, 'engine_output', first.correlationId)) expect(event.data.previousValues).toEqual({});
    const second = await coordinator.processConfigurationChange({ value: 8 });
    const design = eventsOf(coordinator, 'engine_output', second.correlationId).find((e) => e.data.engineId === 'design');
    expect(design?.data.changedFields).toContain('value');
    expect(design?.data.previousValues).toMatchObject({ value: 7 });
    expect(Object.keys(design?.data.previousValues ?? {}).every((field) => design?.data.changedFields.includes(field))).toBe(true);
  });

  it('checks a rule between two engines that compute side by side, at every change', async () => {
    // propulsion and sensors both wait on design and materials only, so they finish in the same turn.
    const coordinator = await start();
    coordinator.consistency.addConsistencyRule({
      ruleId: 'side_by_side', sourceEngine: 'propulsion', dependentEngines: ['sensors'], dataFields: ['value'],
      autoUpdate: false, severity: 'warning', description: 'never holds',
      validate: (source, dependent) => [{ field: 'value', passed: false, expected: source.data.value, actual: dependent.data.value }]
    });
    const first = await coordinator.processConfigurationChange({ value: 1 });
    expect(first.violations.opened.map((v) => v.ruleId)).toEqual(['side_by_side']);
    await coordinator.processConfigurationChange({ value: 2 });
    const violation = Object.values(coordinator.state.violations.open).find((v) => v.ruleId === 'side_by_side');
    expect(violation).toMatchObject({ expected: 2, actual: 2 });
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
