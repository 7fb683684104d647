import { describe, expect, it } from 'vitest';
import { projectAll } from '../../../../shared/projection';
import { selectConditionFacts, selectEngineFailures, selectRemoteEngines, selectWorkersByEngine, selectEngineGraph, selectEngineReports, selectOpenViolations, selectRuleEdges } from '../../../store/session/selectors';
import { TEST_ENGINES, TestLog } from '../../../store/session/test-log';
import { buildEdges, buildNodeData, directDependencyIds, FAILURE_FLASH_MS, rulePairs, sameRecord, type GraphInputs } from './graph-model';

/** Graph inputs read from the projection of a log, as the graph view reads them. */
function inputs(log: TestLog, overrides: Partial<GraphInputs> = {}): GraphInputs {
  const state = projectAll(log.events);
  return {
    graph: selectEngineGraph(state),
    ruleEdges: selectRuleEdges(state),
    statuses: selectEngineReports(state),
    conditions: selectConditionFacts(state),
    openViolations: selectOpenViolations(state),
    failures: selectEngineFailures(state),
    workers: selectWorkersByEngine(state),
    remoteEngines: selectRemoteEngines(state),
    rateOf: () => 0,
    flowAgeMs: () => Number.POSITIVE_INFINITY,
    highlightSource: null,
    highlightTargets: [],
    selectedEngine: null,
    allLinks: false,
    acknowledgedFailures: {},
    liveNow: null,
    ...overrides
  };
}

const session = (): TestLog => new TestLog().start().rule('config_version', 'design', ['materials', 'propulsion']).rule('mass_budget', 'design', ['materials']);

describe('graph model', () => {
  it('draws the dependencies no other path implies; every link with allLinks, one rule edge per engine pair', () => {
    const direct = buildEdges(inputs(session()));
    // propulsion → design is implied by propulsion → materials → design; rules show only when violated or selected.
    expect(direct.map((e) => e.id)).toEqual(['dep:design>materials', 'dep:materials>propulsion']);
    const all = buildEdges(inputs(session(), { allLinks: true }));
    expect(all.map((e) => [e.id, e.ruleIds])).toEqual([
      ['dep:design>materials', []],
      ['dep:design>propulsion', []],
      ['dep:materials>propulsion', []],
      ['rule:design~materials', ['config_version', 'mass_budget']],
      ['rule:design~propulsion', ['config_version']]
    ]);
    expect(all.find((e) => e.id === 'rule:design~materials')?.title).toBe('rules between design and materials: config_version, mass_budget');
    expect(all[0]?.title).toBe('materials depends on design');
  });

  it("draws the selected engine's links, focused, and steps the others back", () => {
    const edges = buildEdges(inputs(session(), { selectedEngine: 'propulsion' }));
    expect(edges.map((e) => [e.id, e.emphasis])).toEqual([
      ['dep:design>materials', 'dim'],
      ['dep:design>propulsion', 'focus'],
      ['dep:materials>propulsion', 'focus'],
      ['rule:design~propulsion', 'focus']
    ]);
  });

  it('orients a rule pair from the upper engine whichever way its rule points, and merges both ways into one', () => {
    const log = session().rule('back', 'propulsion', ['design']);
    const state = projectAll(log.events);
    expect(rulePairs(selectEngineGraph(state), selectRuleEdges(state))).toEqual([
      { id: 'rule:design~materials', upper: 'design', lower: 'materials' },
      { id: 'rule:design~propulsion', upper: 'design', lower: 'propulsion' }
    ]);
    expect(buildEdges(inputs(log, { allLinks: true })).find((e) => e.id === 'rule:design~propulsion')?.ruleIds).toEqual(['config_version', 'back']);
  });

  it('keeps every dependency of a chain with no shortcut', () => {
    const graph = { nodes: [{ id: 'a', capabilities: [] }, { id: 'b', capabilities: [] }, { id: 'c', capabilities: [] }], edges: [{ from: 'b', to: 'a' }, { from: 'c', to: 'b' }] };
    expect([...directDependencyIds(graph)]).toEqual(['dep:a>b', 'dep:b>c']);
  });

  it('marks a rule edge violated, draws it unselected, and counts the violation on both engines', () => {
    const i = inputs(session().configure().outputs().violation('opened', 'v1'), { flowAgeMs: () => 100 });
    const edges = buildEdges(i);
    const violated = edges.find((e) => e.id === 'rule:design~materials');
    expect(violated?.violatedRuleIds).toEqual(['config_version']);
    expect(violated?.title).toContain('violated: config_version');
    expect(edges.some((e) => e.id === 'rule:design~propulsion')).toBe(false);
    expect(edges[0]?.flowing).toBe(true);
    const nodes = buildNodeData(i);
    expect(nodes.get('design')?.openViolations).toBe(1);
    expect(nodes.get('materials')?.openViolations).toBe(1);
    expect(nodes.get('propulsion')?.openViolations).toBe(0);
  });

  it('a failure the engine recovered from in no time flashes, then leaves a mark until acknowledged', () => {
    const log = session().configure().outputs().fail('materials');
    log.add('engine_restarted', { engineId: 'materials', reason: 'restart', restarts: 1, recoveredFromCache: false, recoveredConfigVersion: null }, { sourceEngine: 'materials' });
    const failedAt = log.events.find((e) => e.eventType === 'engine_status_changed')?.timestamp ?? 0;
    const failureId = log.events.find((e) => e.eventType === 'engine_status_changed')?.eventId ?? '';
    const now = buildNodeData(inputs(log, { liveNow: failedAt + 10 })).get('materials');
    expect(now).toMatchObject({ failureRecent: true, failureEventId: failureId, failureReason: 'injected failure' });
    const later = buildNodeData(inputs(log, { liveNow: failedAt + FAILURE_FLASH_MS + 1 })).get('materials');
    expect(later).toMatchObject({ failureRecent: false, failureEventId: failureId });
    const acknowledged = buildNodeData(inputs(log, { liveNow: failedAt + 10, acknowledgedFailures: { materials: failureId } })).get('materials');
    expect(acknowledged).toMatchObject({ failureRecent: false, failureEventId: null });
    expect(buildNodeData(inputs(log)).get('design')?.failureEventId).toBeNull();
  });

  it('shows each engine status from the state: busy until it computed the current version', () => {
    const nodes = buildNodeData(inputs(session().configure().outputs(['design'])));
    expect([...nodes.values()].map((n) => [n.engineId, n.status])).toEqual([
      ['design', 'idle'],
      ['materials', 'busy'],
      ['propulsion', 'busy']
    ]);
    expect(nodes.get('design')?.lastLatencyMs).toBe(1);
  });

  it('a given-up engine and the engines computed from its last outputs say so, and keep their data while nothing changes', () => {
    const log = session().configure().outputs().configure().outputs(['design']);
    log.add('engine_status_changed', { engineId: 'materials', status: 'failed', version: 2, reason: 'boom — given up', final: true }, { sourceEngine: 'materials' });
    log.add('engine_output', { engineId: 'propulsion', version: 2, outputs: {}, changedFields: [], durationMs: 1, degradedBy: ['materials'] }, { sourceEngine: 'propulsion' });
    const nodes = buildNodeData(inputs(log));
    expect(nodes.get('materials')).toMatchObject({ status: 'failed', givenUpAfterRestarts: 0, retryAt: null });
    expect(nodes.get('propulsion')).toMatchObject({ status: 'degraded', degradedBy: ['materials'] });
    const again = buildNodeData(inputs(log));
    for (const [id, data] of nodes) expect(sameRecord(data, again.get(id) ?? {})).toBe(true);
  });

  it('highlights the selected event source and targets', () => {
    const nodes = buildNodeData(inputs(session(), { highlightSource: 'design', highlightTargets: ['propulsion'] }));
    expect(nodes.get('design')?.highlight).toBe('source');
    expect(nodes.get('propulsion')?.highlight).toBe('target');
  });

  it('compares records shallowly, arrays by items', () => {
    expect(sameRecord({ a: 1, b: ['x'] }, { a: 1, b: ['x'] })).toBe(true);
    expect(sameRecord({ a: 1, b: ['x'] }, { a: 1, b: ['y'] })).toBe(false);
  });

  it('counts the worker processes of each remote engine, none of an engine that computes in process', () => {
    const engines = TEST_ENGINES.map((e) => (e.engineId === 'propulsion' || e.engineId === 'materials' ? { ...e, remote: true } : e));
    const log = new TestLog().start(engines).add('worker_joined', { workerId: 'p-1', engineId: 'propulsion' }).add('worker_joined', { workerId: 'p-2', engineId: 'propulsion' });
    const nodes = buildNodeData(inputs(log));
    expect([nodes.get('propulsion')?.workers, nodes.get('materials')?.workers, nodes.get('design')?.workers]).toEqual([2, 0, null]);
  });
});
