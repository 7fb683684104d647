import type { ReactElement } from 'react';
import type { StaleEngine } from '../../../../shared/consistency';
import { EmptyState } from '../common/Panel';
import { formatClock } from '../../common/format';

/** A hop the coordinator records when an engine could not compute or ran degraded (not a rule's invalidation). */
function isFailureHop(ruleId: string): boolean {
  return ruleId === 'compute' || ruleId === 'depends_on' || ruleId === 'degraded';
}

/**
 * Why each stale engine is stale, hop by hop from the origin: a rule's invalidation the engine
 * could not answer, an engine that failed and the dependencies that waited on it, or an engine
 * computed from the last outputs of one its supervisor gave up (degraded).
 */
export function StaleEngines({ stale }: { stale: readonly StaleEngine[] }): ReactElement {
  if (stale.length === 0) {
    return (
      <EmptyState title="No engine is stale">
        An engine becomes stale when it cannot compute the current configuration (it failed, or an engine it depends on
        did), when it runs degraded on the last outputs of an engine its supervisor gave up, or when a rule with
        auto-update invalidates it and it cannot recompute.
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
            {!isFailureHop(engine.chain[0]?.ruleId ?? '') && (
              <li className="cs-hop cs-hop-origin">
                <span className="cs-engine">{engine.originEngine}</span> changed
              </li>
            )}
            {engine.chain.map((hop, index) => (
              <li key={`${hop.engineId}-${index}`} className="cs-hop">
                {hop.ruleId === 'compute' ? (
                  <>
                    <span className="cs-engine">{hop.engineId}</span> could not compute
                  </>
                ) : hop.ruleId === 'degraded' ? (
                  <>
                    <span className="cs-arrow" aria-hidden="true">
                      →
                    </span>{' '}
                    <span className="cs-engine">{hop.engineId}</span> computed from the last outputs of {hop.fromEngine}, given up by its supervisor
                  </>
                ) : hop.ruleId === 'depends_on' ? (
                  <>
                    <span className="cs-arrow" aria-hidden="true">
                      →
                    </span>{' '}
                    <span className="cs-engine">{hop.engineId}</span> depends on {hop.fromEngine}, so it could not compute either
                  </>
                ) : (
                  <>
                    <span className="cs-arrow" aria-hidden="true">
                      →
                    </span>{' '}
                    rule <span className="wb-mono">{hop.ruleId}</span> ({hop.fields.join(', ') || 'any field'} of {hop.fromEngine}) invalidated{' '}
                    <span className="cs-engine">{hop.engineId}</span>
                  </>
                )}{' '}
                <span className="wb-dim wb-mono">at {formatClock(hop.at)}</span>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
