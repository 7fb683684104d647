import type { ReactElement } from 'react';
import { isRefusal, type AppliedChange } from '../../../store/workbench/configuration/configuration-slice';
import { Badge } from '../common/Panel';
import { formatClock, formatMs } from '../../common/format';

/**
 * What the last configuration change did: per-engine outcomes and violations opened/resolved,
 * or, for a refused configuration, why it was refused (nothing changed).
 */
export function ChangeResult({ change }: { change: AppliedChange }): ReactElement {
  const { result } = change;
  if (isRefusal(result)) {
    const errors = result.findings.filter((f) => f.severity === 'error');
    return (
      <div className="cf-result" data-testid="cf-apply-result">
        <p className="cf-result-head" role="status">
          <Badge tone="error">refused</Badge> {change.label} at {formatClock(change.at)}: nothing changed, the configuration is still version{' '}
          <strong data-testid="cf-result-version">{result.version}</strong>.
        </p>
        <ul className="wb-error-text" data-testid="cf-refusal">
          {errors.map((f, i) => (
            <li key={`${f.path}-${i}`}>
              <span className="wb-mono">{f.path}</span>: {f.message} <span className="wb-dim wb-mono">({f.code})</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="cf-result" data-testid="cf-apply-result">
      <p className="cf-result-head" role="status">
        <Badge tone={result.ok ? 'ok' : 'error'}>{result.ok ? 'applied' : 'applied, engines failed'}</Badge> {change.label} → version{' '}
        <strong data-testid="cf-result-version">{result.version}</strong> in {formatMs(result.durationMs)} at {formatClock(change.at)} · violations{' '}
        <span className={result.violations.opened.length ? 'wb-tone-error' : ''}>{result.violations.opened.length} opened</span>,{' '}
        <span className={result.violations.resolved.length ? 'wb-tone-ok' : ''}>{result.violations.resolved.length} resolved</span>, {result.violations.open} open
      </p>
      <table className="wb-table" data-testid="cf-engine-outcomes">
        <thead>
          <tr>
            <th scope="col">Engine</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="wb-num">Duration</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {result.engines.map((engine) => (
            <tr key={engine.engineId}>
              <td>{engine.engineId}</td>
              <td>
                <Badge tone={engine.outcome}>{engine.outcome}</Badge>
              </td>
              <td className="wb-num">{engine.durationMs === undefined ? '—' : formatMs(engine.durationMs)}</td>
              <td className="wb-error-text">{engine.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(result.violations.opened.length > 0 || result.violations.resolved.length > 0) && (
        <ul className="cf-result-violations">
          {result.violations.opened.map((v) => (
            <li key={v.violationId}>
              <Badge tone={v.severity}>opened</Badge> <span className="wb-mono">{v.ruleId}</span>: {v.message}
            </li>
          ))}
          {result.violations.resolved.map((v) => (
            <li key={v.violationId}>
              <Badge tone="ok">resolved</Badge> <span className="wb-mono">{v.ruleId}</span> ({v.sourceEngine} → {v.dependentEngine})
            </li>
          ))}
        </ul>
      )}
      {result.errors.length > 0 && (
        <ul className="wb-error-text">
          {result.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
