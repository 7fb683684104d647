import { describe, expect, it } from 'vitest';
import type { Violation } from '../../../../shared/consistency';
import type { EngineGraph } from '../../../../shared/protocol';
import { buildEdges, buildNodeData, sameRecord, type GraphInputs } from './graph-model';

const graph: EngineGraph = {
  nodes: [
    { id: 'design', capabilities: [] },
    { id: 'propulsion', capabilities: [] }
  ],
  edges: [{ from: 'propulsion', to: 'design' }],
  ruleEdges: [
    { ruleId: 'config_version', from: 'design', to: 'propulsion', severity: 'error' },
    { ruleId: 'mass_budget', from: 'design', to: 'propulsion', severity: 'error' }
  ]
};

const violation = { ruleId: 'mass_budget', sourceEngine: 'design', dependentEngine: 'propulsion' } as Violation;

function inputs(overrides: Partial<GraphInputs> = {}): GraphInputs {
  return {
    graph,
    statuses: [],
    openViolations: [],
    rateOf: () => 0,
    flowAgeMs: () => Number.POSITIVE_INFINITY,
    highlightSource: null,
    highlightTargets: [],
    selectedEngine: null,
    ...overrides
  };
}

describe('graph model', () => {
  it('draws dependencies from the dependency to the dependent and merges rules per pair', () => {
    const edges = buildEdges(inputs());
    expect(edges.map((e) => [e.id, e.source, e.target, e.ruleIds])).toEqual([
      ['dep:design>propulsion', 'design', 'propulsion', []],
      ['rule:design>propulsion', 'design', 'propulsion', ['config_version', 'mass_budget']]
    ]);
  });

  it('marks a rule edge violated and counts the violation on both engines', () => {
    const i = inputs({ openViolations: [violation], flowAgeMs: () => 100 });
    const edges = buildEdges(i);
    expect(edges[1]?.violatedRuleIds).toEqual(['mass_budget']);
    expect(edges[0]?.flowing).toBe(true);
    const nodes = buildNodeData(i);
    expect(nodes.get('design')?.openViolations).toBe(1);
    expect(nodes.get('propulsion')?.openViolations).toBe(1);
  });

  it('highlights the selected event source and targets', () => {
    const nodes = buildNodeData(inputs({ highlightSource: 'design', highlightTargets: ['propulsion'] }));
    expect(nodes.get('design')?.highlight).toBe('source');
    expect(nodes.get('propulsion')?.highlight).toBe('target');
  });

  it('compares records shallowly, arrays by items', () => {
    expect(sameRecord({ a: 1, b: ['x'] }, { a: 1, b: ['x'] })).toBe(true);
    expect(sameRecord({ a: 1, b: ['x'] }, { a: 1, b: ['y'] })).toBe(false);
  });
});
