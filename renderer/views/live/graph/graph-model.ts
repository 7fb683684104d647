import type { Violation } from '../../../../shared/consistency';
import type { dependencyGraph } from '../../../../shared/projection';
import type { EngineStatusReport } from '../../../../shared/protocol';
import type { ConditionFacts } from '../../../store/session/condition-facts';
import type { RuleEdge } from '../../../store/session/selectors';

/** The engines and their dependency edges (`dependencyGraph` of the session state). */
export type EngineGraph = ReturnType<typeof dependencyGraph>;

/** What an engine node shows: its condition (status, supervisor, what it waits on) and figures. */
export type EngineNodeData = ConditionFacts & {
  engineId: string;
  eventsPerS: number;
  lastLatencyMs: number | null;
  openViolations: number;
  restarts: number;
  /** The selected event's source or one of its targets. */
  highlight: 'source' | 'target' | null;
  selected: boolean;
};

/** What a graph edge needs beyond its endpoints. */
export interface EdgeModel {
  id: string;
  kind: 'dependency' | 'rule';
  source: string;
  target: string;
  ruleIds: string[];
  violatedRuleIds: string[];
  flowing: boolean;
}

/** Inputs of one graph refresh, all read from the session state but the rates and flows. */
export interface GraphInputs {
  graph: EngineGraph;
  ruleEdges: readonly RuleEdge[];
  statuses: readonly EngineStatusReport[];
  conditions: Readonly<Record<string, ConditionFacts>>;
  openViolations: readonly Violation[];
  rateOf(engineId: string): number;
  flowAgeMs(source: string, target: string): number;
  highlightSource: string | null;
  highlightTargets: readonly string[];
  selectedEngine: string | null;
}

/** The condition of an engine the session state does not hold (yet). */
const UNKNOWN_ENGINE: ConditionFacts = { status: 'stopped', computedVersion: 0, configVersion: 0, blockedOn: null, degradedBy: [], retryAt: null, givenUpAfterRestarts: null };

/** How long after an event an edge keeps pulsing. */
export const FLOW_PULSE_MS = 900;

/** Node data per engine (condition, rates, latency, violations, highlight). */
export function buildNodeData(inputs: GraphInputs): Map<string, EngineNodeData> {
  const statusById = new Map(inputs.statuses.map((s) => [s.engineId, s]));
  const violations = new Map<string, number>();
  for (const v of inputs.openViolations) {
    violations.set(v.sourceEngine, (violations.get(v.sourceEngine) ?? 0) + 1);
    if (v.dependentEngine !== v.sourceEngine) violations.set(v.dependentEngine, (violations.get(v.dependentEngine) ?? 0) + 1);
  }
  const out = new Map<string, EngineNodeData>();
  for (const node of inputs.graph.nodes) {
    const status = statusById.get(node.id);
    out.set(node.id, {
      ...(inputs.conditions[node.id] ?? UNKNOWN_ENGINE),
      engineId: node.id,
      eventsPerS: inputs.rateOf(node.id),
      lastLatencyMs: status?.lastDurationMs ?? null,
      openViolations: violations.get(node.id) ?? 0,
      restarts: status?.restarts ?? 0,
      highlight: inputs.highlightSource === node.id ? 'source' : inputs.highlightTargets.includes(node.id) ? 'target' : null,
      selected: inputs.selectedEngine === node.id
    });
  }
  return out;
}

/**
 * Dependency edges (dependency → dependent) and one rule edge per (source, dependent) pair,
 * marked violated while a rule between the two has an open violation, and flowing while
 * events recently went from source to target.
 */
export function buildEdges(inputs: GraphInputs): EdgeModel[] {
  const edges: EdgeModel[] = inputs.graph.edges.map((e) => ({
    id: `dep:${e.to}>${e.from}`,
    kind: 'dependency',
    source: e.to,
    target: e.from,
    ruleIds: [],
    violatedRuleIds: [],
    flowing: inputs.flowAgeMs(e.to, e.from) < FLOW_PULSE_MS
  }));
  const rules = new Map<string, EdgeModel>();
  for (const r of inputs.ruleEdges) {
    const id = `rule:${r.from}>${r.to}`;
    const edge = rules.get(id) ?? {
      id,
      kind: 'rule' as const,
      source: r.from,
      target: r.to,
      ruleIds: [],
      violatedRuleIds: [],
      flowing: false
    };
    if (!edge.ruleIds.includes(r.ruleId)) edge.ruleIds.push(r.ruleId);
    rules.set(id, edge);
  }
  for (const v of inputs.openViolations) {
    const edge = rules.get(`rule:${v.sourceEngine}>${v.dependentEngine}`);
    if (edge && !edge.violatedRuleIds.includes(v.ruleId)) edge.violatedRuleIds.push(v.ruleId);
  }
  return [...edges, ...rules.values()];
}

/** Shallow equality of two plain records (for "only update what changed"). */
export function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    return Object.is(x, y);
  });
}
