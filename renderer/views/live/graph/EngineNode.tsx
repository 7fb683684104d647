import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { useFlightdeck } from '../../../store';
import { formatClock, formatMs } from '../../common/format';
import { ConditionText } from '../common/ConditionText';
import { conditionLine } from '../common/engine-condition';
import { engineLabel, STATUS_STYLE } from '../common/engine-style';
import type { EngineNodeData } from './graph-model';
import { useReadOnlyReason } from '../../common/use-read-only';

export type EngineFlowNode = Node<EngineNodeData, 'engine'>;

/**
 * Brings a given-up engine back. The click also reaches the node, which selects the engine, so
 * the inspector shows how the restart went.
 */
function RestartButton({ engineId }: { engineId: string }): ReactElement {
  const acting = useFlightdeck((s) => s.inspector.acting);
  const restart = useFlightdeck((s) => s.inspector.restart);
  const readOnly = useReadOnlyReason();
  return (
    <button
      type="button"
      className="fd-button fd-button--small fd-button--primary gr-restart nodrag nopan"
      disabled={acting || readOnly !== null}
      title={readOnly ?? undefined}
      aria-label={`Restart ${engineId}`}
      onClick={() => void restart(engineId)}
    >
      {acting ? 'Restarting…' : 'Restart'}
    </button>
  );
}

/**
 * The mark a failure leaves on its node until the user acknowledges it (a click here): an engine
 * that crashed and restarted in the same millisecond would otherwise show nothing of it.
 */
function FailureMark({ data }: { data: EngineNodeData }): ReactElement | null {
  const acknowledge = useFlightdeck((s) => s.graph.acknowledgeFailure);
  if (data.failureEventId === null || data.failureAt === null) return null;
  const eventId = data.failureEventId;
  const what = `${engineLabel(data.engineId)} failed at ${formatClock(data.failureAt, 's')}: ${data.failureReason ?? ''}`;
  return (
    <button
      type="button"
      className="gr-failure nodrag nopan"
      data-testid={`engine-failure-${data.engineId}`}
      title={`${what} — click to acknowledge`}
      aria-label={`${what}. Acknowledge`}
      onClick={(e) => {
        e.stopPropagation();
        acknowledge(data.engineId, eventId);
      }}
    >
      ✖
    </button>
  );
}

/**
 * An engine in the graph, in two lines: name and status (icon and word); then its failure mark,
 * open violations, its condition (a countdown to its restart, why it was given up, what it waits on) with
 * last latency, events/s while it sends and restarts.
 */
function EngineNodeView({ data }: NodeProps<EngineFlowNode>): ReactElement {
  const style = STATUS_STYLE[data.status];
  const line = conditionLine(data);
  const classes = ['gr-node', `gr-node--${data.status}`];
  if (line.kind === 'given-up') classes.push('gr-node--given-up');
  if (data.highlight) classes.push(`gr-node--highlight-${data.highlight}`);
  if (data.selected) classes.push('gr-node--selected');
  if (data.failureRecent) classes.push('gr-node--just-failed');
  return (
    <div
      className={classes.join(' ')}
      data-engine={data.engineId}
      data-status={data.status}
      data-condition={line.kind}
      data-testid={`engine-node-${data.engineId}`}
    >
      <Handle type="target" position={Position.Top} id="in" className="gr-handle" isConnectable={false} />
      <Handle type="source" position={Position.Bottom} id="out" className="gr-handle" isConnectable={false} />
      <div className="gr-node-head">
        <span className="gr-node-name">{engineLabel(data.engineId)}</span>
        <span className="gr-status" style={{ color: style.color }}>
          <span aria-hidden="true" className={data.status === 'busy' || data.status === 'restarting' ? 'gr-spin' : undefined}>
            {style.icon}
          </span>{' '}
          <span className="gr-status-label">{style.label}</span>
        </span>
      </div>
      <div className="gr-node-line">
        <FailureMark data={data} />
        {data.openViolations > 0 && (
          <span className="gr-badge" title={`${data.openViolations} open violations`}>
            ⚠ {data.openViolations}
            <span className="gr-sr"> open violations</span>
          </span>
        )}
        <span className="gr-node-detail" data-testid={`engine-condition-${data.engineId}`}>
          {/* A failure the engine already recovered from stays readable for a few seconds. */}
          {data.failureRecent && data.status !== 'failed' ? (
            <span className="gr-just-failed">failed: {data.failureReason}</span>
          ) : (
            <ConditionText line={line} />
          )}
        </span>
        {/* A given-up engine has no figures worth reading: its Restart takes their place; a fresh failure's reason needs the room. */}
        {line.kind === 'given-up' ? (
          <RestartButton engineId={data.engineId} />
        ) : data.failureRecent ? null : (
          <span className="gr-metrics">
            {data.eventsPerS > 0 && <span title="Events per second from this engine (last second)">{data.eventsPerS} ev/s</span>}
            <span title="Last handler latency">{formatMs(data.lastLatencyMs)}</span>
            {data.restarts > 0 && <span title="Restarts">↻ {data.restarts}</span>}
            {data.workers !== null && (
              <span
                className={data.workers === 0 ? 'gr-no-workers' : undefined}
                title={data.workers === 0 ? 'Computes on worker processes over NATS: none is alive, its computations wait for one' : `${data.workers} worker process${data.workers === 1 ? '' : 'es'} compute this engine over NATS`}
                data-testid={`engine-workers-${data.engineId}`}
              >
                {data.workers} worker{data.workers === 1 ? '' : 's'}
              </span>
            )}
          </span>
        )}
      </div>
    </div>
  );
}

/** Memoised: React Flow re-renders a node only when its data object changes. */
export const EngineNode = memo(EngineNodeView);
