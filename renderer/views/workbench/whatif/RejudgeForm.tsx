import { useMemo, type ReactElement } from 'react';
import type { ConsistencyRuleSpec } from '../../../../shared/consistency';
import { describeRuleEdit, ruleEditsOf, withAddedRule, withoutAddedRule, withRemovedRule, withUpdatedRule, type RuleDraft } from '../../../store/workbench/whatif/rule-draft';
import { AddRuleForm } from '../consistency/AddRuleForm';
import { EmptyState } from '../common/Panel';
import { WhatIfRuleRow } from './WhatIfRuleRow';

interface RejudgeFormProps {
  recordedRules: readonly ConsistencyRuleSpec[];
  engines: readonly string[];
  draft: RuleDraft;
  running: boolean;
  /** The host's refusal of the last run, verbatim. */
  error: string | null;
  onDraft(draft: RuleDraft): void;
  onRun(): void;
}

/** The recorded rules with the draft's edits, the edits as they will be sent, a rule to add, and Run. */
export function RejudgeForm({ recordedRules, engines, draft, running, error, onDraft, onRun }: RejudgeFormProps): ReactElement {
  const edits = useMemo(() => ruleEditsOf(recordedRules, draft), [recordedRules, draft]);
  // A rule is added to the draft as typed: the host checks it at Run (a duplicate id, an unknown
  // engine) and its message is shown beside the form, verbatim.
  const addToDraft = (spec: ConsistencyRuleSpec): Promise<{ ok: true }> => {
    onDraft(withAddedRule(draft, spec));
    return Promise.resolve({ ok: true });
  };

  return (
    <div className="wi-rejudge-form">
      <div className="wi-columns">
        <section className="wi-rules" aria-labelledby="wi-rules-title">
          <h3 id="wi-rules-title" className="wi-subtitle">
            Recorded rules
          </h3>
          {recordedRules.length === 0 && <EmptyState title="No rules recorded">Add one below to judge the session with it.</EmptyState>}
          {recordedRules.map((rule) => (
            <WhatIfRuleRow
              key={rule.ruleId}
              recorded={rule}
              edited={draft.updated[rule.ruleId] ?? rule}
              removed={draft.removed.includes(rule.ruleId)}
              onEdit={(edited) => onDraft(withUpdatedRule(draft, rule, edited))}
              onRemove={(removed) => onDraft(withRemovedRule(draft, rule.ruleId, removed))}
            />
          ))}
        </section>
        <section className="wi-edits" aria-labelledby="wi-edits-title">
          <h3 id="wi-edits-title" className="wi-subtitle">
            Edits to judge with <span className="wb-dim">({edits.length})</span>
          </h3>
          {edits.length === 0 ? (
            <p className="wb-note">No edits yet: the re-judge would find the recording as it was. Edit, disable, remove or add a rule.</p>
          ) : (
            <ol className="wi-edit-list" data-testid="whatif-edits">
              {edits.map((edit, i) => (
                <li key={i} className="wb-mono">
                  {describeRuleEdit(edit)}
                  {edit.kind === 'add' && (
                    <button type="button" className="wb-btn wi-inline-btn" onClick={() => onDraft(withoutAddedRule(draft, edit.rule.ruleId))} aria-label={`Drop added rule ${edit.rule.ruleId}`}>
                      Drop
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
          <div className="wi-run-row">
            <button type="button" className="wb-btn wb-btn-primary" disabled={running} onClick={onRun}>
              {running ? 'Re-judging…' : 'Run re-judge'}
            </button>
            {edits.length > 0 && (
              <button type="button" className="wb-btn" disabled={running} onClick={() => onDraft({ updated: {}, removed: [], added: [] })}>
                Clear edits
              </button>
            )}
          </div>
          {error && (
            <p className="wb-error-text wi-host-error" role="alert" data-testid="rejudge-error">
              {error}
            </p>
          )}
          <details className="wi-add-rule">
            <summary>Add a rule to the what-if</summary>
            <AddRuleForm
              engines={engines}
              onAdd={addToDraft} />
          </details>
        </section>
      </div>
    </div>
  );
}
