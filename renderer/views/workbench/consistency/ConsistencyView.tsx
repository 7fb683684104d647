import { useEffect, useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SEVERITIES } from '../../../../shared/consistency';
import type { SessionState } from '../../../../shared/projection';
import { useFlightdeck, useSession } from '../../../store';
import { selectConditionFacts, selectOpenViolations, selectRules, selectStaleEngines, selectViolationCounts } from '../../../store/session/selectors';
import { groupByRootCause } from './root-cause';
import { KpiTile, Panel } from '../common/Panel';
import { AddRuleForm } from './AddRuleForm';
import { RuleCard } from './RuleCard';
import { StaleEngines } from './StaleEngines';
import { ViolationsTable } from './ViolationsTable';
import '../common/workbench.css';
import './consistency.css';

/** Rule coverage is reloaded this long after the checks last changed what is open or computed. */
const COVERAGE_DELAY_MS = 300;

/** What changes when the rules are checked again: outputs, violations and the rules themselves. */
function checkKey(state: SessionState): string {
  const outputs = state.engineOrder.map((id) => state.engines[id]?.outputEventId ?? '').join(',');
  return `${outputs}|${state.violations.resolvedTotal}|${Object.keys(state.violations.open).length}|${state.ruleOrder.join(',')}`;
}

/**
 * Open and resolved violations, stale engines and the consistency rules, all read from the
 * session state (violations arrive one way: as events folded into it), plus each rule's
 * coverage from the consistency manager, reloaded while the view is visible and the checks change.
 */
export function ConsistencyView(): ReactElement {
  const open = useSession(selectOpenViolations);
  const conditions = useSession(selectConditionFacts);
  const groups = useMemo(() => groupByRootCause(open, conditions), [open, conditions]);
  const stale = useSession(selectStaleEngines);
  const rules = useSession(selectRules);
  const engines = useSession((state) => state.engineOrder);
  const { resolved, counts, key } = useSession(
    useShallow((state) => ({ resolved: state.violations.resolved, counts: selectViolationCounts(state), key: checkKey(state) }))
  );
  const { coverage, lastChange, rulesError } = useFlightdeck(
    useShallow((s) => ({ coverage: s.rules.coverage, lastChange: s.rules.lastChange, rulesError: s.rules.error }))
  );
  const connected = useFlightdeck((s) => s.connection.info.state === 'open');
  const loadCoverage = useFlightdeck((s) => s.rules.loadCoverage);
  const updateRule = useFlightdeck((s) => s.rules.update);
  const removeRule = useFlightdeck((s) => s.rules.remove);
  const addRule = useFlightdeck((s) => s.rules.add);

  useEffect(() => {
    if (!connected) return;
    const timer = setTimeout(() => void loadCoverage(), COVERAGE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [connected, key, loadCoverage]);

  return (
    <section className="wb-view" aria-label="Consistency" data-testid="consistency-view">
      <div className="wb-kpis cs-counts" data-testid="violation-counts">
        <KpiTile label="Open" value={String(counts.open)} tone={counts.open > 0 ? 'error' : undefined} testId="count-open" />
        {SEVERITIES.map((severity) => (
          <KpiTile
            key={severity}
            label={severity}
            value={String(counts.bySeverity[severity])}
            tone={counts.bySeverity[severity] ? (severity === 'info' ? undefined : severity === 'warning' ? 'warn' : 'error') : undefined}
            testId={`count-${severity}`}
          />
        ))}
        <KpiTile label="Resolved" value={String(counts.resolvedTotal)} testId="count-resolved" />
        <KpiTile label="Stale engines" value={String(stale.length)} tone={stale.length > 0 ? 'warn' : undefined} testId="count-stale" />
      </div>
      <Panel title="Open violations" meta={`${counts.open} open`} testId="open-violations">
        <ViolationsTable
          violations={open}
          groups={groups}
          kind="open"
          emptyTitle="No open violations"
          emptyText="Every enabled rule passed on the latest outputs of the engines."
        />
      </Panel>
      <div className="wb-grid">
        <Panel title="Stale engines" meta={stale.length > 0 ? `${stale.length} stale` : 'all fresh'} testId="stale-panel">
          <StaleEngines stale={stale} />
        </Panel>
        <Panel
          title="Resolved violations"
          meta={counts.droppedResolved > 0 ? `newest ${resolved.length} of ${counts.resolvedTotal}` : `${resolved.length} resolved`}
          testId="resolved-violations"
        >
          <ViolationsTable violations={resolved} kind="resolved" emptyTitle="Nothing resolved yet" emptyText="Violations move here when their rule passes again, is disabled or removed." />
        </Panel>
      </div>
      <Panel title="Rules" meta={`${rules.length} rules · ${rules.filter((r) => r.enabled !== false).length} enabled`} testId="rules-panel">
        {lastChange && (
          <p className="cs-last-change" role="status" data-testid="rule-change-result">
            Rule <span className="wb-mono">{lastChange.ruleId}</span> {lastChange.action}: violations recomputed — {lastChange.opened} opened, {lastChange.resolved} resolved,{' '}
            {lastChange.stillOpen} still open.
          </p>
        )}
        {rulesError && <p className="wb-error-text">Could not load rule coverage: {rulesError}</p>}
        <div className="cs-rules">
          {rules.map((rule) => (
            <RuleCard key={rule.ruleId} rule={rule} coverage={coverage[rule.ruleId]} onUpdate={updateRule} onRemove={removeRule} />
          ))}
        </div>
      </Panel>
      <Panel title="Add a rule" meta="declarative: the source's fields must match each dependent's">
        <AddRuleForm engines={engines} onAdd={addRule} />
      </Panel>
    </section>
  );
}
