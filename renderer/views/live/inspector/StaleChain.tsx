import type { ReactElement } from 'react';
import type { StaleEngine, StalenessHop } from '../../../../shared/consistency';
import { formatClock } from '../../common/format';

/** Epoch milliseconds print as a clock time; monotonic clock values cannot. */
function when(at: number): string {
  return at > 1e12 ? ` at ${formatClock(at)}` : '';
}

/** One hop of a staleness chain in words: a failure, a wait on it, a degraded input or a rule's invalidation. */
function HopText({ hop }: { hop: StalenessHop }): ReactElement {
  switch (hop.ruleId) {
    case 'compute':
      return (
        <>
          <strong>{hop.engineId}</strong> could not compute
        </>
      );
    case 'depends_on':
      return (
        <>
          <strong>{hop.engineId}</strong> depends on <strong>{hop.fromEngine}</strong>, so it could not compute either
        </>
      );
    case 'degraded':
      return (
        <>
          <strong>{hop.engineId}</strong> computed from the last outputs of <strong>{hop.fromEngine}</strong>, given up by its supervisor
        </>
      );
    default:
      return (
        <>
          <strong>{hop.engineId}</strong> stale because <strong>{hop.fromEngine}</strong> changed{' '}
          {hop.fields.length > 0 ? <span className="in-mono">{hop.fields.join(', ')}</span> : 'its outputs'} via rule{' '}
          <span className="in-mono">{hop.ruleId}</span>
        </>
      );
  }
}

/** Why the selected engine is stale, hop by hop from where the trouble started. */
export function StaleChain({ stale }: { stale: StaleEngine }): ReactElement {
  return (
    <>
      <p className="in-note" data-testid="inspector-stale">
        Stale{when(stale.since)}: {stale.reason}
      </p>
      <ol className="in-stale">
        {stale.chain.map((hop, i) => (
          <li key={`${hop.eventId}-${i}`}>
            <HopText hop={hop} />
            {when(hop.at)}
          </li>
        ))}
      </ol>
    </>
  );
}
