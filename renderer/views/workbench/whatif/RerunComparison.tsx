import { useState, type ReactElement } from 'react';
import type { RerunReport, WhatIfViolation } from '../../../../shared/protocol';
import { formatFigure, violationKey } from '../../../store/workbench/whatif/whatif-text';
import { formatMs } from '../../common/format';
import { Badge, KpiTile } from '../common/Panel';
import { EngineComparisonCard } from './EngineComparisonCard';

function ViolationList({ title, tone, violations, testId }: { title: string; tone: string; violations: readonly WhatIfViolation[]; testId: string }): ReactElement {
  return (
    <div className="wi-delta-group" data-testid={testId}>
      <span className={`wi-delta-label wb-tone-${tone}`}>
        {title} ({violations.length})
      </span>
      {violations.length === 0 ? (
        <p className="wb-note">none</p>
      ) : (
        <ul>
          {violations.map((v) => (
            <li key={violationKey(v)} className="wi-item" title={v.message} data-rule={v.ruleId}>
              <span className="wb-mono wi-rule-id">{v.ruleId}</span>{' '}
              <span className="wb-dim">
                {v.sourceEngine} → {v.dependentEngine}
              </span>{' '}
              <Badge tone={v.severity}>{v.severity}</Badge> expected <span className="wb-mono">{formatFigure(v.expected)}</span>, actual{' '}
              <span className="wb-mono">{formatFigure(v.actual)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The re-run: what changed, every engine's outputs side by side, and the violations it opens or resolves. */
export function RerunComparison({ report }: { report: RerunReport }): ReactElement {
  const [changedOnly, setChangedOnly] = useState(true);
  const { totals, violations, change } = report;
  return (
    <div className="wi-report" data-testid="rerun-report">
      <p className="wi-summary" role="status" data-testid="rerun-summary">
        <span className="wb-mono">{change.path}</span>: <span className="wb-mono">{formatFigure(change.before, 80)}</span> → <strong className="wb-mono">{formatFigure(change.after, 80)}</strong>
        <span className="wb-dim">
          {' '}
          · {totals.changedFields} of {totals.fields} outputs changed in {totals.enginesChanged} engines · {formatMs(report.durationMs)}
        </span>
      </p>
      <div className="wb-kpis">
        <KpiTile label="Changed outputs" value={String(totals.changedFields)} tone={totals.changedFields > 0 ? 'warn' : undefined} testId="rerun-changed" />
        <KpiTile label="Engines changed" value={String(totals.enginesChanged)} />
        <KpiTile label="Violations opened" value={String(violations.opened.length)} tone={violations.opened.length > 0 ? 'error' : undefined} />
        <KpiTile label="Violations resolved" value={String(violations.resolved.length)} tone={violations.resolved.length > 0 ? 'ok' : undefined} />
      </div>
      <div className="wi-columns">
        <ViolationList title="Opened" tone="error" violations={violations.opened} testId="rerun-opened" />
        <ViolationList title="Resolved" tone="ok" violations={violations.resolved} testId="rerun-resolved" />
      </div>
      <div className="wi-run-row">
        <label className="wb-check">
          <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />
          Changed only
        </label>
        <span className="wb-note">
          {violations.before.length} open before · {violations.after.length} open after
        </span>
      </div>
      <div className="wi-engines" data-testid="rerun-engines">
        {report.engines.map((engine) => (
          <EngineComparisonCard key={engine.engineId} engine={engine} changedOnly={changedOnly} />
        ))}
      </div>
    </div>
  );
}
