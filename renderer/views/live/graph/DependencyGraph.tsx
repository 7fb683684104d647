import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type EdgeTypes,
  type NodeChange,
  type NodeMouseHandler,
  type NodeTypes
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck, useSession } from '../../../store';
import { isViewingLive, viewedState } from '../../../store/viewed';
import { liveBuffer } from '../../../store/live';
import {
  selectConditionFacts,
  selectEngineFailures,
  selectEngineGraph,
  selectEngineReports,
  selectOpenViolations,
  selectRemoteEngines,
  selectRuleEdges,
  selectWorkersByEngine
} from '../../../store/session/selectors';
import { EngineNode, type EngineFlowNode } from './EngineNode';
import { buildEdges, buildNodeData, rulePairs, sameRecord, type EdgeModel, type EngineGraph, type GraphInputs } from './graph-model';
import { layoutEngines, NODE_HEIGHT_PX, NODE_WIDTH_PX, type GraphLayout, type Point } from './layout-graph';
import { RoutedEdge, type RoutedFlowEdge } from './RoutedEdge';
import './graph.css';

const NODE_TYPES: NodeTypes = { engine: EngineNode };
const EDGE_TYPES: EdgeTypes = { routed: RoutedEdge };
/** Node and edge data refresh at most this often (React Flow costs a render per change). */
const REFRESH_MS = 100;

function badgeOf(model: EdgeModel): string | null {
  const [first, ...others] = model.violatedRuleIds;
  if (first === undefined) return null;
  return others.length === 0 ? `⚠ ${first}` : `⚠ ${first} +${others.length}`;
}

function toFlowEdge(model: EdgeModel, animate: boolean, routes: GraphLayout['routes']): RoutedFlowEdge {
  const violated = model.violatedRuleIds.length > 0;
  const color = model.emphasis === 'focus' ? 'var(--accent)' : 'var(--edge)';
  const classes = [`gr-edge--${model.kind}`];
  if (violated) classes.push('gr-edge--violated');
  if (animate && model.flowing) classes.push('gr-edge--flowing');
  if (model.emphasis) classes.push(`gr-edge--${model.emphasis}`);
  return {
    id: model.id,
    type: 'routed',
    source: model.source,
    target: model.target,
    className: classes.join(' '),
    focusable: false,
    selectable: false,
    // A rule pair has no direction worth an arrow, and often runs over a dependency's own.
    ...(model.kind === 'dependency' ? { markerEnd: { type: MarkerType.ArrowClosed, color, width: 14, height: 14 } } : {}),
    data: { points: routes.get(model.id) ?? [], title: model.title, badge: badgeOf(model) },
    ariaLabel: model.title
  };
}

/** The box around every node and route, so a fit shows the rule lanes beside the nodes too. */
function layoutBounds(layout: GraphLayout): { x: number; y: number; width: number; height: number } {
  const points: Point[] = [...layout.routes.values()].flat();
  for (const p of layout.positions.values()) points.push(p, { x: p.x + NODE_WIDTH_PX, y: p.y + NODE_HEIGHT_PX });
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** An edge as last drawn, with what decides whether it must be redrawn. */
interface CachedEdge {
  key: string;
  edge: RoutedFlowEdge;
}

/** What one refresh draws: the session state's engines, rules and violations, the buffer's rates. */
function readGraphInputs(graph: EngineGraph): GraphInputs {
  const s = useFlightdeck.getState();
  const live = isViewingLive(s);
  const state = viewedState(s);
  const event = s.selection.event;
  const now = performance.now();
  return {
    graph,
    ruleEdges: selectRuleEdges(state),
    statuses: selectEngineReports(state),
    conditions: selectConditionFacts(state),
    openViolations: selectOpenViolations(state),
    failures: selectEngineFailures(state),
    workers: selectWorkersByEngine(state),
    remoteEngines: selectRemoteEngines(state),
    // Rates and flow pulses are the live stream's: none while another moment is shown.
    rateOf: (id: string) => (live ? liveBuffer.perSecond(id, now) : 0),
    flowAgeMs: (a: string, b: string) => (live ? liveBuffer.flowAgeMs(a, b, now) : Number.POSITIVE_INFINITY),
    highlightSource: event?.sourceEngine ?? null,
    highlightTargets: event?.targetEngines ?? [],
    selectedEngine: s.selection.engineId,
    allLinks: s.graph.allLinks,
    acknowledgedFailures: s.graph.acknowledgedFailures,
    liveNow: live ? Date.now() : null
  };
}

function GraphCanvas(): ReactElement {
  const graph = useSession(selectEngineGraph);
  const ruleEdges = useSession(selectRuleEdges);
  const { theme, animateFlow, setAnimateFlow, allLinks, setAllLinks, selectEngine, hostState } = useFlightdeck(
    useShallow((s) => ({
      theme: s.layout.theme,
      animateFlow: s.layout.animateFlow,
      setAnimateFlow: s.layout.setAnimateFlow,
      allLinks: s.graph.allLinks,
      setAllLinks: s.graph.setAllLinks,
      selectEngine: s.selection.selectEngine,
      hostState: s.connection.info.state
    }))
  );
  // Without the host nothing on the graph is current: say so on it, not only in the status bar.
  const offline = hostState !== 'open' && hostState !== 'connecting';
  const [nodes, setNodes] = useState<EngineFlowNode[]>([]);
  const [edges, setEdges] = useState<RoutedFlowEdge[]>([]);
  const [layout, setLayout] = useState<GraphLayout | null>(null);
  const edgeCache = useRef<Map<string, CachedEdge>>(new Map());
  const { fitBounds, fitView, getViewport, getNode } = useReactFlow();
  const containerRef = useRef<HTMLDivElement>(null);
  // The rule pairs are part of the structure: every edge is routed, drawn or not.
  const pairsKey = JSON.stringify(rulePairs(graph, ruleEdges));

  // Lay out once per structure (ELK), then keep positions and routes.
  useEffect(() => {
    if (graph.nodes.length === 0) return;
    let cancelled = false;
    void layoutEngines(graph, JSON.parse(pairsKey) as ReturnType<typeof rulePairs>).then((next) => {
      if (cancelled) return;
      const positions = next.positions;
      const data = buildNodeData(readGraphInputs(graph));
      setNodes(
        graph.nodes.flatMap((n): EngineFlowNode[] => {
          const nodeData = data.get(n.id);
          if (!nodeData) return [];
          const position = positions.get(n.id) ?? { x: 0, y: 0 };
          return [{ id: n.id, type: 'engine', position, width: NODE_WIDTH_PX, height: NODE_HEIGHT_PX, draggable: false, connectable: false, data: nodeData }];
        })
      );
      edgeCache.current = new Map();
      setEdges([]);
      setLayout(next);
      requestAnimationFrame(() => void fitBounds(layoutBounds(next), { padding: 0.04 }));
    });
    return () => {
      cancelled = true;
    };
  }, [graph, pairsKey, fitBounds]);

  // Coalesced refresh (≤ 10 Hz): only nodes and edges whose data changed get new objects.
  useEffect(() => {
    if (graph.nodes.length === 0 || layout === null) return;
    const refresh = (): void => {
      const inputs = readGraphInputs(graph);
      const data = buildNodeData(inputs);
      setNodes((prev) => {
        let changed = false;
        const next = prev.map((node) => {
          const fresh = data.get(node.id);
          if (!fresh || sameRecord(node.data, fresh)) return node;
          changed = true;
          return { ...node, data: fresh };
        });
        return changed ? next : prev;
      });
      const animate = useFlightdeck.getState().layout.animateFlow;
      const models = buildEdges(inputs);
      let edgesChanged = models.length !== edgeCache.current.size;
      const nextCache = new Map<string, CachedEdge>();
      for (const model of models) {
        const old = edgeCache.current.get(model.id);
        const key = `${animate && model.flowing}|${model.violatedRuleIds.join(',')}|${model.emphasis}|${model.title}`;
        const same = old !== undefined && old.key === key;
        nextCache.set(model.id, same ? old : { key, edge: toFlowEdge(model, animate, layout.routes) });
        if (!same) edgesChanged = true;
      }
      edgeCache.current = nextCache;
      if (edgesChanged) setEdges([...nextCache.values()].map((c) => c.edge));
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [graph, layout]);

  // Bring a highlighted node into view when it is outside the visible area.
  const highlightKey = nodes
    .filter((n) => n.data.highlight !== null)
    .map((n) => n.id)
    .join(',');
  useEffect(() => {
    if (highlightKey === '' || !containerRef.current) return;
    const { x, y, zoom } = getViewport();
    const width = containerRef.current.clientWidth;
    const height = containerRef.current.clientHeight;
    const hidden = highlightKey.split(',').some((id) => {
      const node = getNode(id);
      if (!node) return false;
      const left = node.position.x * zoom + x;
      const top = node.position.y * zoom + y;
      return left < 0 || top < 0 || left + NODE_WIDTH_PX * zoom > width || top + NODE_HEIGHT_PX * zoom > height;
    });
    if (hidden) void fitView({ nodes: highlightKey.split(',').map((id) => ({ id })), duration: 300, maxZoom: zoom, padding: 0.2 });
  }, [highlightKey, getViewport, getNode, fitView]);

  // A new size (a dragged divider, a UI scale) fits the graph again.
  useEffect(() => {
    const container = containerRef.current;
    if (!container || layout === null) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitBounds(layoutBounds(layout), { padding: 0.04 }));
    });
    observer.observe(container);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [layout, fitBounds]);

  const onNodeClick: NodeMouseHandler<EngineFlowNode> = (_, node) => selectEngine(node.id);
  // Enter or Space on a focused node selects it, as a click does (Space would otherwise pause the timeline).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const node = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    const id = node?.dataset['id'];
    if (!id) return;
    event.preventDefault();
    selectEngine(id);
  };
  const onNodesChange = (changes: NodeChange<EngineFlowNode>[]): void => setNodes((prev) => applyNodeChanges(changes, prev));

  return (
    <>
      <div className="gr-toolbar">
        <h2 className="gr-title">Engines</h2>
        <span className="gr-legend" aria-hidden="true">
          <span className="gr-legend-dep" /> depends on <span className="gr-legend-rule" /> rule{' '}
          <span className="gr-legend-violated" /> violated
          {/* Only while an event is selected (its source and targets are lit): the toolbar has no room to show it always. */}
          {highlightKey !== '' && (
            <>
              {' '}
              <span className="gr-legend-source" /> source <span className="gr-legend-target" /> target
            </>
          )}
        </span>
        <label className="gr-toggle" title="Draw every dependency and rule edge (else: direct dependencies, violated rules and the selected engine's links)">
          <input type="checkbox" checked={allLinks} onChange={(e) => setAllLinks(e.target.checked)} />
          All links
        </label>
        <label className="gr-toggle">
          <input type="checkbox" checked={animateFlow} onChange={(e) => setAnimateFlow(e.target.checked)} />
          Animate
        </label>
      </div>
      <div className={`gr-canvas${offline ? ' gr-canvas--offline' : ''}`} ref={containerRef} onKeyDown={onKeyDown}>
        {offline && graph.nodes.length > 0 && (
          <p className="gr-offline" role="status" data-testid="graph-offline">
            Host {hostState === 'reconnecting' ? 'unreachable — reconnecting' : 'disconnected'}: the engines' last known state, not live
          </p>
        )}
      {graph.nodes.length === 0 ? (
        <p className="gr-empty">Waiting for the session's engines…</p>
      ) : (
        <ReactFlow<EngineFlowNode, RoutedFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          colorMode={theme}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          minZoom={0.3}
          maxZoom={1.6}
          proOptions={{ hideAttribution: true }}
          aria-label="Engine dependency graph"
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} position="bottom-right" />
        </ReactFlow>
      )}
      </div>
    </>
  );
}

/** The engine dependency graph (React Flow, ELK layout) with live status, rates and violations. */
export function DependencyGraph(): ReactElement {
  return (
    <section className="gr-view" aria-label="Dependency graph">
      <ReactFlowProvider>
        <GraphCanvas />
      </ReactFlowProvider>
    </section>
  );
}
