import { useState, type ReactElement } from 'react';
import { toleranceText } from '../consistency/tolerance-text';
import { SeverityField } from '../consistency/SeverityField';
import type { ConsistencyRuleSpec } from '../../../../shared/consistency';
import { parseFieldList, parseTolerance } from '../../../store/workbench/rules/rule-form';
import { Badge } from '../common/Panel';

interface WhatIfRuleRowProps {
  /** The rule as recorded. */
  recorded: ConsistencyRuleSpec;
  /** The rule as the draft has it (the recorded one when unedited). */
  edited: ConsistencyRuleSpec;
  removed: boolean;
  onEdit(edited: ConsistencyRuleSpec): void;
  onRemove(removed: boolean): void;
}

/**
 * One recorded rule in the what-if draft: enable or disable it, edit its severity, fields and
 * tolerance, or take it out. Nothing is sent until the re-judge runs: edits only change the draft.
 */
export function WhatIfRuleRow({ recorded, edited, removed, onEdit, onRemove }: WhatIfRuleRowProps): ReactElement {
  const enabled = edited.enabled ?? true;
  const isEdited = edited !== recorded;
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState({ severity: edited.severity, fields: '', relative: '', absolute: '' });

  const startEditing = (): void => {
    setDraft({
      severity: edited.severity,
      fields: edited.dataFields.join(', '),
      relative: edited.tolerance?.relative !== undefined ? String(edited.tolerance.relative) : '',
      absolute: edited.tolerance?.absolute !== undefined ? String(edited.tolerance.absolute) : ''
    });
    setError(null);
    setEditing(true);
  };

  const keep = (): void => {
    const parsed = parseTolerance(draft.relative, draft.absolute);
    if (parsed.error) {
      setError(parsed.error);
      return;
    }
    const { tolerance: _old, ...rest } = edited;
    onEdit({ ...rest, severity: draft.severity, dataFields: parseFieldList(draft.fields), ...(parsed.tolerance ? { tolerance: parsed.tolerance } : {}) });
    setEditing(false);
  };

  const idBase = `wi-rule-${recorded.ruleId}`;
  return (
    <article className={`cs-rule wi-rule ${enabled && !removed ? '' : 'cs-rule-disabled'}`} aria-labelledby={`${idBase}-title`} data-rule-id={recorded.ruleId}>
      <header className="cs-rule-header">
        <h4 id={`${idBase}-title`} className="cs-rule-title wb-mono">
          {recorded.ruleId}
        </h4>
        <Badge tone={edited.severity}>{edited.severity}</Badge>
        {!enabled && <Badge tone="dim">disabled</Badge>}
        {isEdited && !removed && <Badge tone="info">edited</Badge>}
        {removed && <Badge tone="dim">removed</Badge>}
        <div className="cs-rule-actions">
          <label className="wb-check">
            <input type="checkbox" checked={enabled} disabled={removed} onChange={(e) => onEdit({ ...edited, enabled: e.target.checked })} />
            Enabled
          </label>
          <button type="button" className="wb-btn" disabled={removed} onClick={editing ? () => setEditing(false) : startEditing} aria-expanded={editing}>
            {editing ? 'Close' : 'Edit'}
          </button>
          {isEdited && !removed && (
            <button type="button" className="wb-btn" onClick={() => onEdit(recorded)} aria-label={`Revert rule ${recorded.ruleId}`}>
              Revert
            </button>
          )}
          <button type="button" className={`wb-btn ${removed ? '' : 'wb-btn-danger'}`} onClick={() => onRemove(!removed)} aria-label={`${removed ? 'Keep' : 'Remove'} rule ${recorded.ruleId}`}>
            {removed ? 'Keep' : 'Remove'}
          </button>
        </div>
      </header>
      <dl className="cs-rule-facts">
        <dt>Relates</dt>
        <dd>
          {edited.sourceEngine} → {edited.dependentEngines.join(', ')}
        </dd>
        <dt>Fields</dt>
        <dd className="wb-mono">{edited.dataFields.length > 0 ? edited.dataFields.join(', ') : 'any'}</dd>
        <dt>Tolerance</dt>
        <dd>{toleranceText(edited)}</dd>
      </dl>
      {editing && (
        <form
          className="cs-rule-editor"
          aria-label={`Edit what-if rule ${recorded.ruleId}`}
          onSubmit={(e) => {
            e.preventDefault();
            keep();
          }}
        >
          <SeverityField value={draft.severity} onChange={(severity) => setDraft({ ...draft, severity })} />
          <label className="wb-field cs-grow">
            <span>Fields (comma-separated, empty = any)</span>
            <input className="wb-input cs-grow" value={draft.fields} onChange={(e) => setDraft({ ...draft, fields: e.target.value })} />
          </label>
          <label className="wb-field">
            <span>Relative tolerance</span>
            <input className="wb-input" inputMode="decimal" placeholder="e.g. 0.01" value={draft.relative} onChange={(e) => setDraft({ ...draft, relative: e.target.value })} />
          </label>
          <label className="wb-field">
            <span>Absolute tolerance</span>
            <input className="wb-input" inputMode="decimal" placeholder="e.g. 0.5" value={draft.absolute} onChange={(e) => setDraft({ ...draft, absolute: e.target.value })} />
          </label>
          <button type="submit" className="wb-btn wb-btn-primary">
            Keep edit
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
