import type { Violation } from '../../../../shared/consistency';
import type { dependencyGraph } from '../../../../shared/projection';
import type { EngineStatusReport } from '../../../../shared/protocol';
import type { ConditionFacts } from '../../../store/session/condition-facts';
import type { RuleEdge } from '../../../store/session/selectors';
import { dependencyEdgeId, ruleEdgeId, type RulePair } from './layout-graph';

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
  /** The engine's last failure this session (its event), until the user acknowledges it. */
  failureEventId: string | null;
  failureAt: number | null;
  failureReason: string | null;
  /** The failure happened within the last `FAILURE_FLASH_MS` (live only): the node shows it. */
  failureRecent: boolean;
  /** Worker processes alive for this engine; null when it computes in process. */
  workers: number | null;
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
  /** The edge's tooltip: who depends on whom, or which rules join the two engines. */
  title: string;
  /** Selected engine's edges stand out; the others step back. */
  emphasis: 'focus' | 'dim' | null;
}

/** Inputs of one graph refresh, all read from the session state but the rates and flows. */
export interface GraphInputs {
  graph: EngineGraph;
  ruleEdges: readonly RuleEdge[];
  statuses: readonly EngineStatusReport[];
  conditions: Readonly<Record<string, ConditionFacts>>;
  openViolations: readonly Violation[];
  failures: Readonly<Record<string, FailureFact | null>>;
  /** Worker processes alive per engine (NATS), and the engines that compute on them. */
  workers: Readonly<Record<string, readonly unknown[]>>;
  remoteEngines: readonly string[];
  rateOf(engineId: string): number;
  flowAgeMs(source: string, target: string): number;
  highlightSource: string | null;
  highlightTargets: readonly string[];
  selectedEngine: string | null;
  /** Draw every dependency and rule edge, not only the direct links and what is violated. */
  allLinks: boolean;
  /** Engine id → the failure event the user acknowledged. */
  acknowledgedFailures: Readonly<Record<string, string>>;
  /** Epoch ms now, for how recent a failure is; null while another moment than live is shown. */
  liveNow: number | null;
}

/** What a node needs of an engine's last failure (`EngineState.lastFailure`). */
export interface FailureFact {
  eventId: string;
  at: number;
  reason: string;
}

/** How long a failure stays on a node as it happens (a crash and its restart can share a millisecond). */
export const FAILURE_FLASH_MS = 5_000;

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
      selected: inputs.selectedEngine === node.id,
      workers: inputs.remoteEngines.includes(node.id) ? (inputs.workers[node.id]?.length ?? 0) : null,
      ...failureMark(inputs, node.id)
    });
  }
  return out;
}

function failureMark(inputs: GraphInputs, engineId: string): Pick<EngineNodeData, 'failureEventId' | 'failureAt' | 'failureReason' | 'failureRecent'> {
  const failure = inputs.failures[engineId] ?? null;
  if (failure === null || inputs.acknowledgedFailures[engineId] === failure.eventId) {
    return { failureEventId: null, failureAt: null, failureReason: null, failureRecent: false };
  }
  return {
    failureEventId: failure.eventId,
    failureAt: failure.at,
    failureReason: failure.reason,
    failureRecent: inputs.liveNow !== null && inputs.liveNow - failure.at < FAILURE_FLASH_MS
  };
}

/**
 * Layer of each engine: the length of its longest dependency chain (design 0, its direct
 * dependents 1, …), so a rule edge can be oriented from the upper engine to the lower.
 */
function depthOf(graph: EngineGraph): Map<string, number> {
  const dependsOn = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) dependsOn.get(e.from)?.push(e.to);
  const depth = new Map<string, number>();
  const visit = (id: string, path: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return 0; // a cycle: the registry refuses them, so this only guards the recursion
    path.add(id);
    const d = Math.max(-1, ...(dependsOn.get(id) ?? []).map((to) => visit(to, path))) + 1;
    path.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const n of graph.nodes) visit(n.id, new Set());
  return depth;
}

/**
 * One pair per two engines joined by rules, whichever way the rules point, the upper engine (a
 * shorter dependency chain; the registration order breaks ties) first.
 */
export function rulePairs(graph: EngineGraph, ruleEdges: readonly RuleEdge[]): RulePair[] {
  const depth = depthOf(graph);
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const rank = (id: string): number => (depth.get(id) ?? 0) * 1000 + (order.get(id) ?? 0);
  const pairs = new Map<string, RulePair>();
  for (const r of ruleEdges) {
    if (r.from === r.to || !order.has(r.from) || !order.has(r.to)) continue;
    const [upper, lower] = rank(r.from) <= rank(r.to) ? [r.from, r.to] : [r.to, r.from];
    const id = ruleEdgeId(upper, lower);
    if (!pairs.has(id)) pairs.set(id, { id, upper, lower });
  }
  return [...pairs.values()];
}

/**
 * The dependencies no other path implies (the transitive reduction): aerodynamics → design is
 * implied by aerodynamics → materials → design. Drawing only these keeps the layers readable;
 * the others are drawn for the selected engine or on request.
 */
export function directDependencyIds(graph: EngineGraph): Set<string> {
  const dependsOn = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) dependsOn.get(e.from)?.push(e.to);
  const reachesWithoutEdge = (from: string, to: string): boolean => {
    const stack = (dependsOn.get(from) ?? []).filter((next) => next !== to);
    const seen = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(dependsOn.get(id) ?? []));
    }
    return false;
  };
  return new Set(graph.edges.filter((e) => !reachesWithoutEdge(e.from, e.to)).map((e) => dependencyEdgeId(e.to, e.from)));
}

function emphasisOf(inputs: GraphInputs, a: string, b: string): EdgeModel['emphasis'] {
  if (inputs.selectedEngine === null) return null;
  return inputs.selectedEngine === a || inputs.selectedEngine === b ? 'focus' : 'dim';
}

/**
 * The edges to draw: dependencies (dependency → dependent) that no other path implies, plus one
 * rule edge per engine pair while one of its rules is violated; every edge of the selected engine;
 * everything with `allLinks`. Rule edges are marked violated while a rule between the two has an
 * open violation, dependencies flowing while events recently went from source to target.
 */
export function buildEdges(inputs: GraphInputs): EdgeModel[] {
  const direct = directDependencyIds(inputs.graph);
  const touchesSelected = (a: string, b: string): boolean => inputs.selectedEngine === a || inputs.selectedEngine === b;
  const edges: EdgeModel[] = [];
  for (const e of inputs.graph.edges) {
    const id = dependencyEdgeId(e.to, e.from);
    if (!inputs.allLinks && !direct.has(id) && !touchesSelected(e.to, e.from)) continue;
    edges.push({
      id,
      kind: 'dependency',
      source: e.to,
      target: e.from,
      ruleIds: [],
      violatedRuleIds: [],
      flowing: inputs.flowAgeMs(e.to, e.from) < FLOW_PULSE_MS,
      title: `${e.from} depends on ${e.to}`,
      emphasis: emphasisOf(inputs, e.to, e.from)
    });
  }
  const rules = new Map<string, EdgeModel>();
  for (const pair of rulePairs(inputs.graph, inputs.ruleEdges)) {
    rules.set(pair.id, { id: pair.id, kind: 'rule', source: pair.upper, target: pair.lower, ruleIds: [], violatedRuleIds: [], flowing: false, title: '', emphasis: null });
  }
  for (const r of inputs.ruleEdges) {
    const edge = rules.get(ruleEdgeId(r.from, r.to));
    if (edge && !edge.ruleIds.includes(r.ruleId)) edge.ruleIds.push(r.ruleId);
  }
  for (const v of inputs.openViolations) {
    const edge = rules.get(ruleEdgeId(v.sourceEngine, v.dependentEngine));
    if (edge && edge.ruleIds.includes(v.ruleId) && !edge.violatedRuleIds.includes(v.ruleId)) edge.violatedRuleIds.push(v.ruleId);
  }
  for (const edge of rules.values()) {
    if (!inputs.allLinks && edge.violatedRuleIds.length === 0 && !touchesSelected(edge.source, edge.target)) continue;
    const violated = edge.violatedRuleIds.length > 0 ? ` — violated: ${edge.violatedRuleIds.join(', ')}` : '';
    edges.push({ ...edge, title: `rules between ${edge.source} and ${edge.target}: ${edge.ruleIds.join(', ')}${violated}`, emphasis: emphasisOf(inputs, edge.source, edge.target) });
  }
  return edges;
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
