import { useState, type ReactElement } from 'react';
import { toleranceText } from './tolerance-text';
import { SeverityField } from './SeverityField';
import type { ConsistencyRuleSpec, ConsistencyRuleSpecPatch, RuleCoverage } from '../../../../shared/consistency';
import { parseTolerance, rulePatch } from '../../../store/workbench/rules/rule-form';
import type { RuleChangeOutcome } from '../../../store/workbench/rules/rules-slice';
import { Badge } from '../common/Panel';
import { formatClock } from '../../common/format';
import { useReadOnlyReason } from '../../common/use-read-only';

interface RuleCardProps {
  rule: ConsistencyRuleSpec;
  coverage: RuleCoverage | undefined;
  onUpdate(ruleId: string, patch: ConsistencyRuleSpecPatch): Promise<RuleChangeOutcome>;
  onRemove(ruleId: string): Promise<RuleChangeOutcome>;
}

/** One consistency rule: what it relates, what it actually compared, and its editor. */
export function RuleCard({ rule, coverage, onUpdate, onRemove }: RuleCardProps): ReactElement {
  const enabled = rule.enabled ?? true;
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readOnly = useReadOnlyReason();
  const [draft, setDraft] = useState({ severity: rule.severity, autoUpdate: rule.autoUpdate, description: rule.description, relative: '', absolute: '' });

  const run = async (change: () => Promise<RuleChangeOutcome>): Promise<boolean> => {
    setBusy(true);
    const outcome = await change();
    setBusy(false);
    setError(outcome.ok ? null : outcome.error.message);
    return outcome.ok;
  };
  const send = (patch: ConsistencyRuleSpecPatch): Promise<boolean> =>
    Object.keys(patch).length === 0 ? Promise.resolve(true) : run(() => onUpdate(rule.ruleId, patch));

  const startEditing = (): void => {
    setDraft({
      severity: rule.severity,
      autoUpdate: rule.autoUpdate,
      description: rule.description,
      relative: rule.tolerance?.relative !== undefined ? String(rule.tolerance.relative) : '',
      absolute: rule.tolerance?.absolute !== undefined ? String(rule.tolerance.absolute) : ''
    });
    setError(null);
    setEditing(true);
  };

  const save = async (): Promise<void> => {
    const parsed = parseTolerance(draft.relative, draft.absolute);
    if (parsed.error) {
      setError(parsed.error);
      return;
    }
    const edited: ConsistencyRuleSpec = { ...rule, severity: draft.severity, autoUpdate: draft.autoUpdate, description: draft.description, tolerance: parsed.tolerance };
    if (await send(rulePatch(rule, edited))) setEditing(false);
  };

  const idBase = `rule-${rule.ruleId}`;
  return (
    <article className={`cs-rule ${enabled ? '' : 'cs-rule-disabled'}`} aria-labelledby={`${idBase}-title`} data-rule-id={rule.ruleId}>
      <header className="cs-rule-header">
        <h3 id={`${idBase}-title`} className="cs-rule-title wb-mono">
          {rule.ruleId}
        </h3>
        <Badge tone={rule.severity}>{rule.severity}</Badge>
        {!enabled && <Badge tone="dim">disabled</Badge>}
        {rule.autoUpdate && <Badge tone="info">auto-update</Badge>}
        <div className="cs-rule-actions">
          <label className="wb-check">
            <input type="checkbox" checked={enabled} disabled={busy || readOnly !== null} title={readOnly ?? undefined} onChange={(e) => void send({ enabled: e.target.checked })} />
            Enabled
          </label>
          <button type="button" className="wb-btn" disabled={readOnly !== null} title={readOnly ?? undefined} onClick={editing ? () => setEditing(false) : startEditing} aria-expanded={editing}>
            {editing ? 'Close' : 'Edit'}
          </button>
          <button type="button" className="wb-btn wb-btn-danger" disabled={busy || readOnly !== null} title={readOnly ?? undefined} onClick={() => void run(() => onRemove(rule.ruleId))} aria-label={`Delete rule ${rule.ruleId}`}>
            Delete
          </button>
        </div>
      </header>
      <p className="cs-rule-description">{rule.description}</p>
      <dl className="cs-rule-facts">
        <dt>Relates</dt>
        <dd>
          {rule.sourceEngine} → {rule.dependentEngines.join(', ')}
        </dd>
        <dt>Fields</dt>
        <dd className="wb-mono">{rule.dataFields.length > 0 ? rule.dataFields.join(', ') : 'any'}</dd>
        <dt>Tolerance</dt>
        <dd>{toleranceText(rule)}</dd>
        <dt>Coverage</dt>
        <dd data-testid={`coverage-${rule.ruleId}`}>
          {coverage ? (
            <>
              {coverage.lastCheckedAt === null ? (
                <span className="wb-dim">never checked</span>
              ) : (
                <>
                  <span className="wb-tone-ok">{coverage.passed} passed</span> · <span className={coverage.failed ? 'wb-tone-error' : ''}>{coverage.failed} failed</span> ·{' '}
                  {coverage.notCompared} not compared · checked {formatClock(coverage.lastCheckedAt)}
                </>
              )}
              <br />
              <span className="wb-dim">compared:</span> <span className="wb-mono">{coverage.fieldsCompared.join(', ') || 'none'}</span>
              {coverage.fieldsNeverCompared.length > 0 && (
                <>
                  <br />
                  <span className="wb-tone-warn">never compared:</span>{' '}
                  {coverage.fieldsNeverCompared.map((f, i) => (
                    <span key={f.field}>
                      {i > 0 && ', '}
                      <span className="wb-mono">{f.field}</span> <span className="wb-dim">(missing on {f.lackedBy.join(', ') || 'unknown'})</span>
                    </span>
                  ))}
                </>
              )}
            </>
          ) : (
            <span className="wb-dim">no coverage yet</span>
          )}
        </dd>
      </dl>
      {editing && (
        <form
          className="cs-rule-editor"
          aria-label={`Edit rule ${rule.ruleId}`}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <SeverityField value={draft.severity} onChange={(severity) => setDraft({ ...draft, severity })} />
          <label className="wb-check">
            <input type="checkbox" checked={draft.autoUpdate} onChange={(e) => setDraft({ ...draft, autoUpdate: e.target.checked })} />
            Auto-update dependents
          </label>
          <label className="wb-field">
            <span>Relative tolerance</span>
            <input className="wb-input" inputMode="decimal" placeholder="e.g. 0.01" value={draft.relative} onChange={(e) => setDraft({ ...draft, relative: e.target.value })} />
          </label>
          <label className="wb-field">
            <span>Absolute tolerance</span>
            <input className="wb-input" inputMode="decimal" placeholder="e.g. 0.5" value={draft.absolute} onChange={(e) => setDraft({ ...draft, absolute: e.target.value })} />
          </label>
          <label className="wb-field cs-grow">
            <span>Description</span>
            <input className="wb-input cs-grow" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          </label>
          <button type="submit" className="wb-btn wb-btn-primary" disabled={busy || readOnly !== null} title={readOnly ?? undefined}>
            Save rule
          </button>
        </form>
      )}
      {error && (
        <p className="wb-error-text" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
