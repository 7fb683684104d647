import ELK, { type ElkExtendedEdge, type ElkNode, type ElkPort } from 'elkjs/lib/elk.bundled.js';
import type { EngineGraph } from './graph-model';

/** Node box used for layout and drawing. */
export const NODE_WIDTH_PX = 240;
export const NODE_HEIGHT_PX = 46;

export interface Point {
  x: number;
  y: number;
}

/** Two engines joined by consistency rules, drawn as one edge (`upper` nearer the graph's top). */
export interface RulePair {
  id: string;
  upper: string;
  lower: string;
}

/** Where ELK put every node (top-left corner) and the orthogonal route of every edge. */
export interface GraphLayout {
  positions: Map<string, Point>;
  /** Edge id → the polyline from its source port to its target port. */
  routes: Map<string, Point[]>;
}

const elk = new ELK();

/** The id a dependency edge is drawn and routed under (dependency → dependent). */
export function dependencyEdgeId(dependency: string, dependent: string): string {
  return `dep:${dependency}>${dependent}`;
}

/** The id of the rule edge between two engines, whichever way their rules point. */
export function ruleEdgeId(a: string, b: string): string {
  return a < b ? `rule:${a}~${b}` : `rule:${b}~${a}`;
}

function port(id: string, side: 'NORTH' | 'SOUTH' | 'EAST'): ElkPort {
  return { id, width: 1, height: 1, layoutOptions: { 'elk.port.side': side } };
}

/**
 * Lays the engines out in layers, top to bottom in dependency order (a dependency above its
 * dependents), with ELK's layered algorithm and orthogonal routing. Every edge has ports of its
 * own (dependencies leave a node's bottom and enter the top; rule edges of their own use the right
 * side), so no two arrowheads meet at one point and no edge runs under a node. Every edge is
 * routed, drawn or not, so showing one never moves a node.
 */
export async function layoutEngines(graph: EngineGraph, rulePairs: readonly RulePair[]): Promise<GraphLayout> {
  const ports = new Map<string, ElkPort[]>(graph.nodes.map((n) => [n.id, []]));
  const edges: ElkExtendedEdge[] = [];
  const addEdge = (id: string, source: string, sourceSide: 'SOUTH' | 'EAST', target: string, targetSide: 'NORTH' | 'EAST'): void => {
    const sourcePorts = ports.get(source);
    const targetPorts = ports.get(target);
    if (!sourcePorts || !targetPorts) return;
    sourcePorts.push(port(`${id}:out`, sourceSide));
    targetPorts.push(port(`${id}:in`, targetSide));
    edges.push({ id, sources: [`${id}:out`], targets: [`${id}:in`] });
  };
  // `from` depends on `to`: the edge runs from the dependency to the dependent.
  for (const e of graph.edges) addEdge(dependencyEdgeId(e.to, e.from), e.to, 'SOUTH', e.from, 'NORTH');
  // Rules between an engine and its dependency follow that dependency's route (dashed over it);
  // only rules between engines with no dependency between them get lanes of their own.
  const dependencies = new Set(graph.edges.map((e) => ruleEdgeId(e.from, e.to)));
  const alongDependency = new Map<string, string>();
  for (const pair of rulePairs) {
    if (!dependencies.has(pair.id)) {
      addEdge(pair.id, pair.upper, 'EAST', pair.lower, 'EAST');
      continue;
    }
    const along = graph.edges.find((e) => ruleEdgeId(e.from, e.to) === pair.id);
    if (along) alongDependency.set(pair.id, dependencyEdgeId(along.to, along.from));
  }

  const children: ElkNode[] = graph.nodes.map((n) => ({
    id: n.id,
    width: NODE_WIDTH_PX,
    height: NODE_HEIGHT_PX,
    ports: ports.get(n.id) ?? [],
    layoutOptions: { 'elk.portConstraints': 'FIXED_SIDE' }
  }));
  const result = await elk.layout({
    id: 'engines',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '28',
      'elk.layered.spacing.edgeNodeBetweenLayers': '10',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '6',
      'elk.spacing.nodeNode': '20',
      'elk.spacing.edgeNode': '8',
      'elk.spacing.edgeEdge': '6',
      // The narrowest of ELK's placements for this graph (522 px against Brandes-Köpf's 610): the
      // graph pane is narrow beside the timeline, and every pixel saved is type size on screen.
      'elk.layered.nodePlacement.strategy': 'LINEAR_SEGMENTS',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES'
    },
    children,
    edges
  });
  const positions = new Map<string, Point>();
  for (const child of result.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  const routes = new Map<string, Point[]>();
  for (const edge of result.edges ?? []) {
    const section = edge.sections?.[0];
    if (section) routes.set(edge.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
  }
  for (const [ruleId, dependencyId] of alongDependency) {
    const route = routes.get(dependencyId);
    if (route) routes.set(ruleId, route);
  }
  return { positions, routes };
}
