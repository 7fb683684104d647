import ELK from 'elkjs/lib/elk.bundled.js';
import type { EngineGraph } from './graph-model';

/** Node box used for layout and drawing. */
export const NODE_WIDTH_PX = 200;
export const NODE_HEIGHT_PX = 74;

const elk = new ELK();

/**
 * Positions the engines with ELK's layered algorithm, top to bottom in dependency order
 * (a dependency above its dependents). Returns the top-left corner of each node.
 */
export async function layoutEngines(graph: EngineGraph): Promise<Map<string, { x: number; y: number }>> {
  const result = await elk.layout({
    id: 'engines',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '30',
      'elk.spacing.nodeNode': '28',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF'
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH_PX, height: NODE_HEIGHT_PX })),
    // `from` depends on `to`: draw from the dependency to the dependent.
    edges: graph.edges.map((e, i) => ({ id: `e${i}`, sources: [e.to], targets: [e.from] }))
  });
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of result.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
