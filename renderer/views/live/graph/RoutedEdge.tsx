import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { badgePoint, roundedPath } from './edge-path';
import type { Point } from './layout-graph';

export type RoutedEdgeData = {
  /** ELK's orthogonal route, source port to target port. */
  points: Point[];
  title: string;
  /** A short badge on the route (a violation), or null. */
  badge: string | null;
};
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

/**
 * An edge drawn along the route ELK computed (React Flow's own paths would cut across nodes),
 * with a tooltip and, when violated, a badge.
 */
function RoutedEdgeView({ id, data, markerEnd, style }: EdgeProps<RoutedFlowEdge>): ReactElement | null {
  if (!data || data.points.length < 2) return null;
  const path = roundedPath(data.points);
  const badge = data.badge === null ? null : badgePoint(data.points);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={0} />
      <path d={path} className="react-flow__edge-interaction gr-edge-hit" fill="none" strokeOpacity={0} strokeWidth={14}>
        <title>{data.title}</title>
      </path>
      {badge && (
        <EdgeLabelRenderer>
          <div className="gr-edge-badge" title={data.title} style={{ transform: `translate(-50%, -50%) translate(${badge.x}px, ${badge.y}px)` }}>
            {data.badge}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const RoutedEdge = memo(RoutedEdgeView);
