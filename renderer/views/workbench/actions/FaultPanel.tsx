import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EngineStatusReport } from '../../../../shared/protocol';
import { useFlightdeck, useSession } from '../../../store';
import { selectEngineReports } from '../../../store/session/selectors';
import type { FaultAction } from '../../../store/workbench/tasks/faults-slice';
import { Badge, EmptyState, Panel } from '../common/Panel';
import { formatMs } from '../../common/format';
import { useReadOnlyReason } from '../../common/use-read-only';
import { useWholeNumber } from '../../common/use-whole-number';
import { WholeNumberField } from '../../common/WholeNumberField';

interface FaultRowProps {
  status: EngineStatusReport;
  pending: boolean;
  lastAction: FaultAction | undefined;
}

function FaultRow({ status, pending, lastAction }: FaultRowProps): ReactElement {
  const inject = useFlightdeck((s) => s.faults.inject);
  const restart = useFlightdeck((s) => s.faults.restart);
  const readOnly = useReadOnlyReason();
  const slowMs = useWholeNumber(200);
  const failCount = useWholeNumber(1);
  const id = status.engineId;
  const armed: string[] = [];
  if (status.faults.slowMs > 0) armed.push(`slow ${status.faults.slowMs} ms`);
  if (status.faults.failuresLeft > 0) armed.push(`fail next ${status.faults.failuresLeft}`);
  return (
    <tr data-engine={id}>
      <th scope="row" className="ac-engine-cell">
        <span className="ac-engine-name">{id}</span> <Badge tone={status.status}>{status.status}</Badge>
        <span className="wb-dim ac-engine-meta">
          v{status.computedVersion} · {formatMs(status.lastDurationMs)}
        </span>
      </th>
      <td className="wb-num" data-testid={`restarts-${id}`}>
        {status.restarts}
      </td>
      <td>
        <span data-testid={`faults-${id}`}>{armed.length > 0 ? armed.map((a) => <Badge key={a} tone="warn">{a}</Badge>) : <span className="wb-dim">none</span>}</span>
        {lastAction && (
          <span className={lastAction.ok ? 'wb-dim ac-last-action' : 'wb-error-text ac-last-action'} title={lastAction.message}>
            {lastAction.ok ? `✓ ${lastAction.label}` : `✗ ${lastAction.label}: ${lastAction.message ?? 'failed'}`}
          </span>
        )}
      </td>
      <td className="ac-fault-controls">
        <button type="button" className="wb-btn wb-btn-danger" disabled={pending || readOnly !== null} title={readOnly ?? undefined} onClick={() => void inject(id, { kind: 'crash' })} aria-label={`Crash ${id}`}>
          Crash
        </button>
        <span className="ac-inline">
          <WholeNumberField className="wb-input ac-small" value={slowMs.value} min={0} max={60000} step={50} ariaLabel={`Delay for ${id} (ms)`} onValue={slowMs.onValue} />
          <button type="button" className="wb-btn" disabled={pending || !slowMs.valid || readOnly !== null} title={readOnly ?? undefined} onClick={() => void inject(id, { kind: 'slow', delayMs: slowMs.value })} aria-label={`Slow ${id}`}>
            Slow
          </button>
        </span>
        <span className="ac-inline">
          <WholeNumberField className="wb-input ac-small" value={failCount.value} min={1} max={1000} ariaLabel={`Failures for ${id}`} onValue={failCount.onValue} />
          <button type="button" className="wb-btn" disabled={pending || !failCount.valid || readOnly !== null} title={readOnly ?? undefined} onClick={() => void inject(id, { kind: 'fail', count: failCount.value })} aria-label={`Fail next ${id}`}>
            Fail
          </button>
        </span>
        <button type="button" className="wb-btn" disabled={pending || readOnly !== null} title={readOnly ?? undefined} onClick={() => void inject(id, { kind: 'clear' })} aria-label={`Clear faults of ${id}`}>
          Clear
        </button>
        <button type="button" className="wb-btn" disabled={pending || readOnly !== null} title={readOnly ?? undefined} onClick={() => void restart(id)} aria-label={`Restart ${id}`}>
          Restart
        </button>
      </td>
    </tr>
  );
}

/** Crash, slow down or fail engines on purpose and watch them degrade and recover. */
export function FaultPanel(): ReactElement {
  const statuses = useSession(selectEngineReports);
  const { pending, lastAction } = useFlightdeck(useShallow((s) => ({ pending: s.faults.pending, lastAction: s.faults.lastAction })));
  const failing = statuses.filter((s) => s.status === 'failed' || s.status === 'blocked').length;
  return (
    <Panel title="Fault injection" meta={statuses.length === 0 ? 'waiting for the session' : failing > 0 ? `${failing} engine(s) failed or blocked` : 'all engines healthy'}>
      {statuses.length === 0 ? (
        <EmptyState title="No engines yet">They appear once the session has started.</EmptyState>
      ) : (
        <div className="ac-faults-wrap">
          <table className="wb-table" data-testid="fault-table">
            <thead>
              <tr>
                <th scope="col">Engine</th>
                <th scope="col" className="wb-num">Restarts</th>
                <th scope="col">Armed faults</th>
                <th scope="col">Inject</th>
              </tr>
            </thead>
            <tbody>
              {statuses.map((status) => (
                <FaultRow key={status.engineId} status={status} pending={pending[status.engineId] === true} lastAction={lastAction[status.engineId]} />
              ))}
            </tbody>
          </table>
          {statuses.some((s) => s.lastError) && (
            <ul className="ac-errors">
              {statuses
                .filter((s) => s.lastError)
                .map((s) => (
                  <li key={s.engineId}>
                    <strong>{s.engineId}</strong>: <span className="wb-error-text">{s.lastError}</span>
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
    </Panel>
  );
}
