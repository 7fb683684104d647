import { describe, expect, it } from 'vitest';
import { projectAll } from '../../../../shared/projection';
import { selectConditionFacts, selectEngineGraph, selectEngineReports, selectOpenViolations, selectRuleEdges } from '../../../store/session/selectors';
import { TestLog } from '../../../store/session/test-log';
import { buildEdges, buildNodeData, sameRecord, type GraphInputs } from './graph-model';

/** Graph inputs read from the projection of a log, as the graph view reads them. */
function inputs(log: TestLog, overrides: Partial<GraphInputs> = {}): GraphInputs {
  const state = projectAll(log.events);
  return {
    graph: selectEngineGraph(state),
    ruleEdges: selectRuleEdges(state),
    statuses: selectEngineReports(state),
    conditions: selectConditionFacts(state),
    openViolations: selectOpenViolations(state),
    rateOf: () => 0,
    flowAgeMs: () => Number.POSITIVE_INFINITY,
    highlightSource: null,
    highlightTargets: [],
    selectedEngine: null,
    ...overrides
  };
}

const session = (): TestLog => new TestLog().start().rule('config_version', 'design', ['materials', 'propulsion']).rule('mass_budget', 'design', ['materials']);

describe('graph model', () => {
  it('draws dependencies from the dependency to the dependent and merges rules per pair', () => {
    const edges = buildEdges(inputs(session()));
    expect(edges.map((e) => [e.id, e.ruleIds])).toEqual([
      ['dep:design>materials', []],
      ['dep:design>propulsion', []],
      ['dep:materials>propulsion', []],
      ['rule:design>materials', ['config_version', 'mass_budget']],
      ['rule:design>propulsion', ['config_version']]
    ]);
  });

  it('marks a rule edge violated and counts the violation on both engines', () => {
    const i = inputs(session().configure().outputs().violation('opened', 'v1'), { flowAgeMs: () => 100 });
    const edges = buildEdges(i);
    expect(edges.find((e) => e.id === 'rule:design>materials')?.violatedRuleIds).toEqual(['config_version']);
    expect(edges[0]?.flowing).toBe(true);
    const nodes = buildNodeData(i);
    expect(nodes.get('design')?.openViolations).toBe(1);
    expect(nodes.get('materials')?.openViolations).toBe(1);
    expect(nodes.get('propulsion')?.openViolations).toBe(0);
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
});
