import { useCallback, useEffect, useMemo, useRef, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SEVERITIES } from '../../../../shared/consistency';
import { useFlightdeck } from '../../../store';
import { KpiTile, Panel } from '../common/Panel';
import { useWhileVisible } from '../common/use-while-visible';
import { AddRuleForm } from './AddRuleForm';
import { RuleCard } from './RuleCard';
import { StaleEngines } from './StaleEngines';
import { ViolationsTable } from './ViolationsTable';
import '../common/workbench.css';
import './consistency.css';

/** Staleness chains and rule coverage are refreshed this often while the view is on screen. */
const REFRESH_MS = 4000;
const FALLBACK_ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

/** Open and resolved violations, stale engines and the consistency rules with their coverage. */
export function ConsistencyView(): ReactElement {
  const rootRef = useRef<HTMLElement>(null);
  const { open, resolved, stale, violationsError } = useFlightdeck(
    useShallow((s) => ({ open: s.violations.open, resolved: s.violations.resolved, stale: s.violations.stale, violationsError: s.violations.error }))
  );
  const { rules, coverage, lastChange, rulesError, loaded } = useFlightdeck(
    useShallow((s) => ({ rules: s.rules.list, coverage: s.rules.coverage, lastChange: s.rules.lastChange, rulesError: s.rules.error, loaded: s.rules.loaded }))
  );
  const statuses = useFlightdeck((s) => s.engines.statuses);
  const connected = useFlightdeck((s) => s.connection.info.state === 'open');
  const refreshViolations = useFlightdeck((s) => s.violations.refresh);
  const loadRules = useFlightdeck((s) => s.rules.load);
  const updateRule = useFlightdeck((s) => s.rules.update);
  const addRule = useFlightdeck((s) => s.rules.add);

  const refresh = useCallback(() => {
    if (!connected) return;
    void refreshViolations();
    void loadRules();
  }, [connected, refreshViolations, loadRules]);
  useWhileVisible(rootRef, refresh, REFRESH_MS);
  const openCount = Object.keys(open).length;
  // Coverage changes whenever violations do: reload it with them.
  useEffect(() => {
    if (connected) void loadRules();
  }, [openCount, resolved.length, connected, loadRules]);

  const openList = useMemo(() => Object.values(open).sort((a, b) => b.detectedAt - a.detectedAt), [open]);
  const bySeverity = useMemo(() => {
    const counts: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
    for (const v of openList) counts[v.severity] = (counts[v.severity] ?? 0) + 1;
    return counts;
  }, [openList]);
  const engines = statuses.length > 0 ? statuses.map((s) => s.engineId) : FALLBACK_ENGINES;

  return (
    <section ref={rootRef} className="wb-view" aria-label="Consistency" data-testid="consistency-view">
      <div className="wb-kpis cs-counts" data-testid="violation-counts">
        <KpiTile label="Open" value={String(openList.length)} tone={openList.length > 0 ? 'error' : undefined} testId="count-open" />
        {SEVERITIES.map((severity) => (
          <KpiTile key={severity} label={severity} value={String(bySeverity[severity] ?? 0)} tone={bySeverity[severity] ? (severity === 'info' ? undefined : severity === 'warning' ? 'warn' : 'error') : undefined} testId={`count-${severity}`} />
        ))}
        <KpiTile label="Resolved" value={String(resolved.length)} testId="count-resolved" />
        <KpiTile label="Stale engines" value={String(stale.length)} tone={stale.length > 0 ? 'warn' : undefined} />
      </div>
      {violationsError && <p className="wb-error-text">Could not load violations: {violationsError}</p>}
      <Panel title="Open violations" meta={`${openList.length} open`} testId="open-violations">
        <ViolationsTable
          violations={openList}
          kind="open"
          emptyTitle="No open violations"
          emptyText="Every enabled rule passed on the latest outputs of the engines."
        />
      </Panel>
      <div className="wb-grid">
        <Panel title="Stale engines" meta={stale.length > 0 ? `${stale.length} stale` : 'all fresh'}>
          <StaleEngines stale={stale} />
        </Panel>
        <Panel title="Resolved violations" meta={`${resolved.length} kept`} testId="resolved-violations">
          <ViolationsTable violations={resolved} kind="resolved" emptyTitle="Nothing resolved yet" emptyText="Violations move here when their rule passes again, is disabled or removed." />
        </Panel>
      </div>
      <Panel
        title="Rules"
        meta={loaded ? `${rules.length} rules · ${rules.filter((r) => r.enabled !== false).length} enabled` : 'loading…'}
        testId="rules-panel"
      >
        {lastChange && (
          <p className="cs-last-change" role="status" data-testid="rule-change-result">
            Rule <span className="wb-mono">{lastChange.ruleId}</span> {lastChange.action}: violations recomputed — {lastChange.opened} opened, {lastChange.resolved} resolved,{' '}
            {lastChange.stillOpen} still open.
          </p>
        )}
        {rulesError && <p className="wb-error-text">Could not load rules: {rulesError}</p>}
        <div className="cs-rules">
          {rules.map((rule) => (
            <RuleCard key={rule.ruleId} rule={rule} coverage={coverage[rule.ruleId]} onUpdate={updateRule} />
          ))}
        </div>
      </Panel>
      <Panel title="Add a rule" meta="declarative: the source's fields must match each dependent's">
        <AddRuleForm engines={engines} onAdd={addRule} />
      </Panel>
    </section>
  );
}
