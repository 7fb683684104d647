import type { ReactElement } from 'react';
import type { StaleEngine } from '../../../../shared/consistency';
import { EmptyState } from '../common/Panel';
import { formatClock } from '../common/units';

/** Why each stale engine is stale: the invalidation hops from the origin of the change. */
export function StaleEngines({ stale }: { stale: readonly StaleEngine[] }): ReactElement {
  if (stale.length === 0) {
    return (
      <EmptyState title="No engine is stale">
        An engine becomes stale when a rule with auto-update invalidates it (its source changed a compared field) and it
        could not recompute: it failed, returned no data, or has no recompute handler.
      </EmptyState>
    );
  }
  return (
    <ul className="cs-stale-list" data-testid="stale-engines">
      {stale.map((engine) => (
        <li key={`${engine.engineId}-${engine.propagationId}`} className="cs-stale">
          <p className="cs-stale-title">
            <strong>{engine.engineId}</strong> is stale since <span className="wb-mono">{formatClock(engine.since)}</span>:{' '}
            {engine.reason}
          </p>
          <ol className="cs-chain" aria-label={`Why ${engine.engineId} is stale`}>
            <li className="cs-hop cs-hop-origin">
              <span className="cs-engine">{engine.originEngine}</span> changed
            </li>
            {engine.chain.map((hop) => (
              <li key={hop.eventId} className="cs-hop">
                <span className="cs-arrow" aria-hidden="true">
                  →
                </span>{' '}
                rule <span className="wb-mono">{hop.ruleId}</span> ({hop.fields.join(', ') || 'any field'} of {hop.fromEngine}) invalidated{' '}
                <span className="cs-engine">{hop.engineId}</span> <span className="wb-dim wb-mono">at {formatClock(hop.at)}</span>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
