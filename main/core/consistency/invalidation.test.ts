import { describe, expect, it } from 'vitest';
import {
  PropagationResultSchema,
  type ConsistencyRule,
  type Invalidation
} from '../../../shared/consistency';
import type { EventInput } from '../../../shared/events';
import { EngineRegistry } from '../registry/engine-registry';
import { DataConsistencyManager } from './data-consistency-manager';

interface Harness {
  manager: DataConsistencyManager;
  events: EventInput[];
  eventIds: string[];
  calls: { engineId: string; invalidation: Invalidation }[];
}

/**
 * Engines registered with `dependsOn`, one auto-update rule per `[source, dependent]` edge on
 * field `value`, and a recompute handler that answers through `recompute` (default: the sum
 * of the sources' `value` plus one).
 */
function harness(
  engines: [string, string[]][],
  edges: [string, string][],
  recompute?: (engineId: string, invalidation: Invalidation) => Record<string, unknown> | undefined
): Harness {
  const registry = new EngineRegistry();
  for (const [id, dependsOn] of engines) registry.register({ id }, [], dependsOn);
  const events: EventInput[] = [];
  const eventIds: string[] = [];
  let clockMs = 0;
  const manager = new DataConsistencyManager({
    registry,
    now: () => ++clockMs,
    publish: (input) => {
      events.push(input);
      eventIds.push(`evt-${events.length}`);
      return { status: 'published', eventId: `evt-${events.length}` };
    }
  });
  for (const [source, dependent] of edges) {
    const rule: ConsistencyRule = {
      ruleId: `${source}_to_${dependent}`,
      sourceEngine: source,
      dependentEngines: [dependent],
      dataFields: ['value'],
      autoUpdate: true,
      severity: 'warning',
      description: `${dependent} follows ${source}`,
      validate: () => []
    };
    manager.addConsistencyRule(rule);
  }
  const calls: Harness['calls'] = [];
  manager.setRecomputeHandler(async (engineId, invalidation) => {
    calls.push({ engineId, invalidation });
    await Promise.resolve();
    if (recompute) return recompute(engineId, invalidation);
    const sum = invalidation.fromEngines.reduce(
      (total, from) => total + Number(manager.getCachedData(from)?.data['value'] ?? 0),
      0
    );
    return { value: sum + 1 };
  });
  return { manager, events, eventIds, calls };
}

const invalidations = (events: EventInput[]): EventInput[] =>
  events.filter((event) => event.eventType === 'data_invalidated');

describe('propagateInvalidation', () => {
  it('invalidates A → B → C → D in topological order, each hop caused by the last', async () => {
    const { manager, events, calls } = harness(
      [
        ['D', ['C']],
        ['C', ['B']],
        ['B', ['A']],
        ['A', []]
      ],
      [
        ['C', 'D'],
        ['A', 'B'],
        ['B', 'C']
      ]
    );
    manager.updateDataCache('A', { value: 10 });
    const result = await manager.propagateInvalidation('A', ['value'], {
      causationId: 'cfg-event',
      correlationId: 'corr-1'
    });
    expect(PropagationResultSchema.parse(result)).toEqual(result);
    expect(calls.map((call) => call.engineId)).toEqual(['B', 'C', 'D']);
    expect(result.hops.map((hop) => [hop.engineId, hop.fromEngines, hop.changedFields])).toEqual([
      ['B', ['A'], ['value']],
      ['C', ['B'], ['value']],
      ['D', ['C'], ['value']]
    ]);
    expect(manager.getCachedData('D')?.data).toEqual({ value: 13 });
    const sent = invalidations(events);
    const links = sent.map((event) => [event.sourceEngine, event.targetEngines, event.causationId]);
    expect(links).toEqual([
      ['A', ['B'], 'cfg-event'],
      ['B', ['C'], result.hops[0]?.eventId],
      ['C', ['D'], result.hops[1]?.eventId]
    ]);
    expect(
      sent.every((event) => event.correlationId === 'corr-1' && event.priority === 'NORMAL')
    ).toBe(true);
    expect(sent[2]?.data).toMatchObject({
      originEngine: 'A',
      hop: 3,
      rules: ['C_to_D'],
      fields: ['value'],
      fromEngines: ['C']
    });
    expect(manager.getCachedData('C')).toMatchObject({ version: 1 });
    expect(result.cutoffs).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(manager.getStaleness()).toEqual([]);
  });

  it('cuts off early when a recompute leaves the values unchanged', async () => {
    const { manager, events, calls } = harness(
      [
        ['A', []],
        ['B', ['A']],
        ['C', ['B']],
        ['D', ['C']]
      ],
      [
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'D']
      ],
      (engineId) => (engineId === 'B' ? { value: 7 } : { value: 99 })
    );
    manager.updateDataCache('B', { value: 7 });
    const result = await manager.propagateInvalidation('A', ['value']);
    expect(calls.map((call) => call.engineId)).toEqual(['B']);
    expect(result.hops).toHaveLength(1);
    expect(result.hops[0]?.changedFields).toEqual([]);
    expect(result.cutoffs.map((cutoff) => cutoff.engineId)).toEqual(['C', 'D']);
    expect(result.cutoffs[0]?.reason).toBe(
      'no upstream change reached C: B recomputed without changes'
    );
    expect(invalidations(events).map((event) => event.targetEngines)).toEqual([['B']]);
    expect(manager.getCachedData('C')).toBeUndefined();
  });

  it('ignores rules whose fields the change does not touch', async () => {
    const { manager, calls } = harness(
      [
        ['A', []],
        ['B', ['A']]
      ],
      [['A', 'B']]
    );
    const result = await manager.propagateInvalidation('A', ['colour']);
    expect(calls).toEqual([]);
    expect(result.hops).toEqual([]);
  });

  it('does not loop when rules form a cycle', async () => {
    const { manager, calls } = harness(
      [
        ['A', []],
        ['B', ['A']],
        ['C', ['B']]
      ],
      [
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'A']
      ]
    );
    const result = await manager.propagateInvalidation('A', ['value']);
    expect(calls.map((call) => call.engineId)).toEqual(['B', 'C']);
    expect(result.hops.map((hop) => hop.engineId)).toEqual(['B', 'C']);
  });

  it('invalidates the bottom of a diamond once, after both sides', async () => {
    const { manager, events, calls } = harness(
      [
        ['D', ['B', 'C']],
        ['A', []],
        ['C', ['A']],
        ['B', ['A']]
      ],
      [
        ['A', 'B'],
        ['A', 'C'],
        ['B', 'D'],
        ['C', 'D']
      ]
    );
    manager.updateDataCache('A', { value: 1 });
    const result = await manager.propagateInvalidation('A', ['value']);
    expect(calls.map((call) => call.engineId)).toEqual(['C', 'B', 'D']);
    const bottom = result.hops[2];
    expect(bottom).toMatchObject({
      engineId: 'D',
      fromEngines: ['B', 'C'],
      ruleIds: ['B_to_D', 'C_to_D']
    });
    expect(calls[2]?.invalidation.hop).toBe(2);
    expect(manager.getCachedData('D')?.data).toEqual({ value: 5 });
    const intoD = invalidations(events).filter((event) => event.targetEngines?.[0] === 'D');
    expect(intoD).toHaveLength(1);
  });

  it('keeps a reason chain for an engine left stale, until marked fresh', async () => {
    const { manager, calls } = harness(
      [
        ['design', []],
        ['materials', ['design']],
        ['propulsion', ['materials']],
        ['manufacturing', ['propulsion']]
      ],
      [
        ['design', 'materials'],
        ['materials', 'propulsion'],
        ['propulsion', 'manufacturing']
      ],
      (engineId) => (engineId === 'propulsion' ? undefined : { value: 2 })
    );
    const result = await manager.propagateInvalidation('design', ['value'], {
      correlationId: 'corr-9'
    });
    expect(calls.map((call) => call.engineId)).toEqual(['materials', 'propulsion']);
    expect(result.stale).toEqual(['propulsion']);
    expect(result.cutoffs).toEqual([
      {
        engineId: 'manufacturing',
        reason:
          'no upstream change reached manufacturing: ' +
          'propulsion is stale (recompute returned no data)'
      }
    ]);
    const [stale] = manager.getStaleness('propulsion');
    expect(stale).toMatchObject({
      engineId: 'propulsion',
      originEngine: 'design',
      correlationId: 'corr-9',
      reason: 'recompute returned no data'
    });
    const steps = stale?.chain.map((hop) => [hop.fromEngine, hop.engineId, hop.ruleId, hop.fields]);
    expect(steps).toEqual([
      ['design', 'materials', 'design_to_materials', ['value']],
      ['materials', 'propulsion', 'materials_to_propulsion', ['value']]
    ]);
    expect(stale?.chain.map((hop) => hop.eventId)).toEqual(result.hops.map((hop) => hop.eventId));
    expect(calls[1]?.invalidation.chain).toEqual(stale?.chain);
    expect(manager.getStaleness().map((entry) => entry.engineId)).toEqual(['propulsion']);
    expect(manager.markFresh('propulsion')).toBe(true);
    expect(manager.getStaleness()).toEqual([]);
  });

  it('reports a throwing recompute, leaves the engine stale and carries on', async () => {
    const { manager, calls } = harness(
      [
        ['A', []],
        ['B', ['A']],
        ['C', ['A']]
      ],
      [
        ['A', 'B'],
        ['A', 'C']
      ],
      (engineId) => {
        if (engineId === 'B') throw new Error('solver diverged');
        return { value: 1 };
      }
    );
    const result = await manager.propagateInvalidation('A', ['value']);
    expect(calls.map((call) => call.engineId)).toEqual(['B', 'C']);
    expect(result.errors).toEqual([{ engineId: 'B', message: 'solver diverged' }]);
    expect(result.stale).toEqual(['B']);
    expect(manager.getStaleness('B')[0]?.reason).toBe('recompute failed: solver diverged');
    expect(manager.getStaleness('C')).toEqual([]);
  });

  it('leaves engines stale when no recompute handler is set', async () => {
    const { manager } = harness(
      [
        ['A', []],
        ['B', ['A']]
      ],
      [['A', 'B']]
    );
    manager.setRecomputeHandler(undefined);
    const result = await manager.propagateInvalidation('A', ['value']);
    expect(result.stale).toEqual(['B']);
    expect(manager.getStaleness('B')[0]?.reason).toBe('no recompute handler is set');
  });

  it('re-validates after the recomputes, citing the hop that caused a violation', async () => {
    const { manager, events } = harness(
      [
        ['design', []],
        ['materials', ['design']]
      ],
      [],
      () => ({ totalMassKg: 20_500 })
    );
    manager.addConsistencyRule({
      ruleId: 'mass_budget',
      sourceEngine: 'design',
      dependentEngines: ['materials'],
      dataFields: ['totalMassKg'],
      autoUpdate: true,
      severity: 'critical',
      description: 'materials agree with the design mass'
    });
    manager.updateDataCache('design', { totalMassKg: 20_000 });
    const result = await manager.propagateInvalidation('design', ['totalMassKg'], {
      correlationId: 'corr-2'
    });
    expect(result.violationsOpened).toHaveLength(1);
    const opened = events.find((event) => event.eventType === 'violation_opened');
    expect(opened).toMatchObject({
      priority: 'HIGH',
      causationId: result.hops[0]?.eventId,
      correlationId: 'corr-2',
      targetEngines: ['materials']
    });
    expect(manager.getViolationReport().open[0]?.causationId).toBe(result.hops[0]?.eventId);
  });
});
