import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type NodeChange,
  type NodeMouseHandler,
  type NodeTypes
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck, useSession } from '../../../store';
import { isViewingLive, viewedState } from '../../../store/viewed';
import { liveBuffer } from '../../../store/live';
import { selectConditionFacts, selectEngineGraph, selectEngineReports, selectOpenViolations, selectRuleEdges } from '../../../store/session/selectors';
import { EngineNode, type EngineFlowNode } from './EngineNode';
import { buildEdges, buildNodeData, sameRecord, type EdgeModel, type EngineGraph, type GraphInputs } from './graph-model';
import { layoutEngines, NODE_HEIGHT_PX, NODE_WIDTH_PX } from './layout-graph';
import './graph.css';

const NODE_TYPES: NodeTypes = { engine: EngineNode };
/** Node and edge data refresh at most this often (React Flow costs a render per change). */
const REFRESH_MS = 100;

function toFlowEdge(model: EdgeModel, animate: boolean): Edge {
  const violated = model.violatedRuleIds.length > 0;
  const color = violated ? 'var(--error)' : model.kind === 'rule' ? 'var(--text-dim)' : 'var(--edge)';
  const classes = [`gr-edge--${model.kind}`];
  if (violated) classes.push('gr-edge--violated');
  if (animate && model.flowing) classes.push('gr-edge--flowing');
  return {
    id: model.id,
    source: model.source,
    target: model.target,
    sourceHandle: model.kind === 'rule' ? 'rule-out' : 'out',
    targetHandle: model.kind === 'rule' ? 'rule-in' : 'in',
    className: classes.join(' '),
    focusable: false,
    selectable: false,
    markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
    ...(violated ? { label: `⚠ ${model.violatedRuleIds.join(', ')}`, labelClassName: 'gr-edge-label' } : {}),
    data: { ruleIds: model.ruleIds },
    ariaLabel:
      model.kind === 'rule'
        ? `rules ${model.ruleIds.join(', ')} from ${model.source} to ${model.target}${violated ? ' (violated)' : ''}`
        : `${model.target} depends on ${model.source}`
  };
}

/** An edge as last drawn, with what decides whether it must be redrawn. */
interface CachedEdge {
  pulsing: boolean;
  violated: string;
  edge: Edge;
}

/** What one refresh draws: the session state's engines, rules and violations, the buffer's rates. */
function readGraphInputs(graph: EngineGraph): GraphInputs {
  const s = useFlightdeck.getState();
  const state = viewedState(s);
  const live = isViewingLive(s);
  const event = s.selection.event;
  const now = performance.now();
  return {
    graph,
    ruleEdges: selectRuleEdges(state),
    statuses: selectEngineReports(state),
    conditions: selectConditionFacts(state),
    openViolations: selectOpenViolations(state),
    // Rates and flow pulses are the live stream's: none while another moment is shown.
    rateOf: (id: string) => (live ? liveBuffer.perSecond(id, now) : 0),
    flowAgeMs: (a: string, b: string) => (live ? liveBuffer.flowAgeMs(a, b, now) : Number.POSITIVE_INFINITY),
    highlightSource: event?.sourceEngine ?? null,
    highlightTargets: event?.targetEngines ?? [],
    selectedEngine: s.selection.engineId
  };
}

function GraphCanvas(): ReactElement {
  const graph = useSession(selectEngineGraph);
  const { theme, animateFlow, setAnimateFlow, selectEngine } = useFlightdeck(
    useShallow((s) => ({
      theme: s.layout.theme,
      animateFlow: s.layout.animateFlow,
      setAnimateFlow: s.layout.setAnimateFlow,
      selectEngine: s.selection.selectEngine
    }))
  );
  const [nodes, setNodes] = useState<EngineFlowNode[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const edgeCache = useRef<Map<string, CachedEdge>>(new Map());
  const { fitView, getViewport, getNode } = useReactFlow();
  const containerRef = useRef<HTMLDivElement>(null);

  // Lay out once per graph structure (ELK), then keep positions.
  useEffect(() => {
    if (graph.nodes.length === 0) return;
    let cancelled = false;
    void layoutEngines(graph).then((positions) => {
      if (cancelled) return;
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
      requestAnimationFrame(() => void fitView({ padding: 0.12 }));
    });
    return () => {
      cancelled = true;
    };
  }, [graph, fitView]);

  // Coalesced refresh (≤ 10 Hz): only nodes and edges whose data changed get new objects.
  useEffect(() => {
    if (graph.nodes.length === 0) return;
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
        const pulsing = animate && model.flowing;
        const same = old !== undefined && old.pulsing === pulsing && old.violated === model.violatedRuleIds.join(',');
        nextCache.set(model.id, same ? old : { pulsing, violated: model.violatedRuleIds.join(','), edge: toFlowEdge(model, animate) });
        if (!same) edgesChanged = true;
      }
      edgeCache.current = nextCache;
      if (edgesChanged) setEdges([...nextCache.values()].map((c) => c.edge));
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [graph]);

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

  const onNodeClick: NodeMouseHandler<EngineFlowNode> = (_, node) => selectEngine(node.id);
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
        <label className="gr-toggle">
          <input type="checkbox" checked={animateFlow} onChange={(e) => setAnimateFlow(e.target.checked)} />
          Animate flow
        </label>
      </div>
      <div className="gr-canvas" ref={containerRef}>
      {graph.nodes.length === 0 ? (
        <p className="gr-empty">Waiting for the session's engines…</p>
      ) : (
        <ReactFlow<EngineFlowNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          colorMode={theme}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          minZoom={0.3}
          maxZoom={1.6}
          fitView
          fitViewOptions={{ padding: 0.12 }}
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
