import { useCallback, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EngineEvent } from '../../../../shared/events';
import { LoadRequestSchema } from '../../../../shared/protocol';
import { useFlightdeck } from '../../../store';
import { liveBuffer } from '../../../store/live';
import { isLoadRunning } from '../../../store/workbench/load/load-slice';
import { useThrottledSnapshot } from '../../live/common/use-throttled-snapshot';
import { useReadOnlyReason } from '../../common/use-read-only';
import { Badge, Panel } from '../common/Panel';

const REFRESH_MS = 500;
/** "Until stopped" asks for the longest run the host accepts (`LoadRequestSchema`). */
const UNTIL_STOPPED_S = 600;

/** Events the newest run published so far: its events are numbered from 0 (`data.n`). */
function publishedSoFar(): number | null {
  const isLoad = (event: EngineEvent): boolean => event.eventType === 'synthetic_load';
  const newest = liveBuffer.newestWhere(isLoad, 1, (event) => isLoad(event) && (event as EngineEvent<'synthetic_load'>).data.n === 0)[0];
  return newest ? (newest as EngineEvent<'synthetic_load'>).data.n + 1 : null;
}

function LoadStatus(): ReactElement {
  const { run, lastStopped } = useFlightdeck(useShallow((s) => ({ run: s.load.run, lastStopped: s.load.lastStopped })));
  const read = useCallback(() => ({ published: publishedSoFar(), running: isLoadRunning(run, Date.now()) }), [run]);
  const { published, running } = useThrottledSnapshot(read, REFRESH_MS);
  if (run && running) {
    return (
      <p className="wb-note" data-testid="load-status" role="status">
        <Badge tone="warn">running</Badge> {run.eventsPerSecond.toLocaleString('en-US')} events/s
        {run.durationS >= UNTIL_STOPPED_S ? ' until stopped' : ` for ${run.durationS} s`} · {published === null ? 'no event yet' : `${published.toLocaleString('en-US')} published`}
      </p>
    );
  }
  const total = lastStopped?.published ?? (run ? published : null);
  return (
    <p className="wb-note" data-testid="load-status" role="status">
      <Badge tone="ok">idle</Badge> {total === null ? 'No load run yet.' : `The last run published ${total.toLocaleString('en-US')} events.`}
    </p>
  );
}

/** Start and stop the host's synthetic traffic (`synthetic_load` events at a steady rate). */
export function LoadPanel(): ReactElement {
  const { pending, error, start, stop } = useFlightdeck(useShallow((s) => ({ pending: s.load.pending, error: s.load.error, start: s.load.start, stop: s.load.stop })));
  const connected = useFlightdeck((s) => s.connection.info.state === 'open');
  const readOnly = useReadOnlyReason();
  const [rate, setRate] = useState('1000');
  const [durationS, setDurationS] = useState('10');
  const [untilStopped, setUntilStopped] = useState(false);
  const request = LoadRequestSchema.safeParse({ eventsPerSecond: Number(rate), durationS: untilStopped ? UNTIL_STOPPED_S : Number(durationS) });
  const invalid = request.success ? null : `${request.error.issues[0]?.path.join('.')}: ${request.error.issues[0]?.message}`;
  const blocked = readOnly ?? (connected ? null : 'Not connected to the host');
  return (
    <Panel title="Load generator" meta="synthetic events for stress tests and demos" testId="load-panel">
      <div className="ac-load-form">
        <label className="wb-field">
          <span>Rate (events/s)</span>
          <input className="wb-input" type="number" min={1} max={200000} value={rate} onChange={(e) => setRate(e.target.value)} data-testid="load-rate" />
        </label>
        <label className="wb-field">
          <span>Duration (s)</span>
          <input className="wb-input ac-small" type="number" min={1} max={600} value={durationS} disabled={untilStopped} onChange={(e) => setDurationS(e.target.value)} data-testid="load-duration" />
        </label>
        <label className="wb-check">
          <input type="checkbox" checked={untilStopped} onChange={(e) => setUntilStopped(e.target.checked)} /> until stopped (at most {UNTIL_STOPPED_S / 60} min)
        </label>
        <button
          type="button"
          className="wb-btn wb-btn-primary"
          disabled={pending || blocked !== null || !request.success}
          title={blocked ?? invalid ?? undefined}
          onClick={() => request.success && void start(request.data)}
        >
          Start load
        </button>
        <button type="button" className="wb-btn" disabled={pending || blocked !== null} title={blocked ?? undefined} onClick={() => void stop()}>
          Stop load
        </button>
      </div>
      {blocked && <p className="wb-note">{blocked}</p>}
      {invalid && !blocked && <p className="wb-error-text">{invalid}</p>}
      {error && (
        <p className="wb-error-text" role="alert">
          {error}
        </p>
      )}
      <LoadStatus />
    </Panel>
  );
}
