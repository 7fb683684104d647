import type { ReactElement, ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Supervision } from '../../../../shared/projection';
import { useFlightdeck, useSession } from '../../../store';
import { selectDegradedDependents, selectSupervisions } from '../../../store/session/selectors';
import { formatClock } from '../../common/format';
import { givenUpText } from '../common/engine-condition';
import { RestartCountdown } from '../common/RestartCountdown';
import { STATUS_STYLE } from '../common/engine-style';
import { useReadOnlyReason } from '../../common/use-read-only';

const NO_SUPERVISION: Supervision = { kind: 'none' };
const NONE: readonly string[] = [];

/** Engine names as buttons that select the engine. */
function EngineLinks({ engineIds }: { engineIds: readonly string[] }): ReactElement {
  const selectEngine = useFlightdeck((s) => s.selection.selectEngine);
  return (
    <>
      {engineIds.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <button type="button" className="in-link" onClick={() => selectEngine(id)}>
            {id}
          </button>
        </span>
      ))}
    </>
  );
}

function Callout({ kind, tone, title, children }: { kind: Supervision['kind']; tone: 'failed' | 'info' | 'warn'; title: ReactNode; children: ReactNode }): ReactElement {
  return (
    <section className={`in-callout in-callout--${tone}`} aria-label="Supervisor" data-testid="inspector-supervision" data-kind={kind}>
      <p className="in-callout-title">{title}</p>
      {children}
    </section>
  );
}

/**
 * What the supervisor is doing about the selected engine, in words: it was given up (why, after
 * how many restarts, which engines run degraded on its last outputs, and a Restart button), it
 * restarts in a moment (a live countdown), it is rebuilding — or the engine runs degraded on the
 * last outputs of given-up engines. Nothing when all is well.
 */
export function SupervisionNotice({ engineId }: { engineId: string }): ReactElement | null {
  const { supervision, degradedDependents, computedVersion } = useSession(
    useShallow((state) => ({
      supervision: selectSupervisions(state)[engineId] ?? NO_SUPERVISION,
      degradedDependents: selectDegradedDependents(state)[engineId] ?? NONE,
      computedVersion: state.engines[engineId]?.computedVersion ?? 0
    }))
  );
  const { acting, restart } = useFlightdeck(useShallow((s) => ({ acting: s.inspector.acting, restart: s.inspector.restart })));
  const readOnly = useReadOnlyReason();
  switch (supervision.kind) {
    case 'none':
      return null;
    case 'given-up':
      return (
        <Callout
          kind="given-up"
          tone="failed"
          title={
            <>
              <span aria-hidden="true">⊗</span> Given up by its supervisor: {givenUpText(supervision.restarts)}
            </>
          }
        >
          <p className="in-callout-text" data-testid="inspector-given-up-reason">
            {supervision.reason} <span className="in-dim">(at {formatClock(supervision.at)})</span>
          </p>
          <p className="in-callout-text">
            {degradedDependents.length > 0 ? (
              <>
                Running degraded on its last outputs: <EngineLinks engineIds={degradedDependents} />.
              </>
            ) : (
              'No engine runs on its last outputs.'
            )}{' '}
            It stays failed until it is restarted.
          </p>
          <button type="button" className="fd-button fd-button--primary" disabled={acting || readOnly !== null} title={readOnly ?? undefined} onClick={() => void restart(engineId)}>
            {acting ? 'Working…' : 'Restart engine'}
          </button>
        </Callout>
      );
    case 'retry-pending':
      return (
        <Callout
          kind="retry-pending"
          tone="info"
          title={
            <>
              <span aria-hidden="true">{STATUS_STYLE.failed.icon}</span> Failed, <RestartCountdown retryAt={supervision.retryAt} />
            </>
          }
        >
          <p className="in-callout-text">{supervision.reason}</p>
          <p className="in-callout-text in-dim">Its supervisor rebuilds it from its last outputs after a backoff, then it recomputes.</p>
        </Callout>
      );
    case 'restarting':
      return (
        <Callout
          kind="restarting"
          tone="info"
          title={
            <>
              <span aria-hidden="true">{STATUS_STYLE.restarting.icon}</span> Restarting
            </>
          }
        >
          <p className="in-callout-text">{supervision.reason}</p>
        </Callout>
      );
    case 'failed':
      return (
        <Callout
          kind="failed"
          tone="failed"
          title={
            <>
              <span aria-hidden="true">{STATUS_STYLE.failed.icon}</span> Failed, waiting for a restart
            </>
          }
        >
          <p className="in-callout-text">{supervision.reason}</p>
        </Callout>
      );
    case 'degraded':
      return (
        <Callout
          kind="degraded"
          tone="warn"
          title={
            <>
              <span aria-hidden="true">{STATUS_STYLE.degraded.icon}</span> Degraded: computed v{computedVersion} from the last outputs of{' '}
              <EngineLinks engineIds={supervision.by} />
            </>
          }
        >
          <p className="in-callout-text">
            {supervision.by.length === 1
              ? 'Its supervisor gave that engine up, so these figures may not be current. They are recomputed once it is restarted.'
              : 'Their supervisors gave those engines up, so these figures may not be current. They are recomputed once those are restarted.'}
          </p>
        </Callout>
      );
  }
}
