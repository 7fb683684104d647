import { useState, type ReactElement } from 'react';
import { SeverityField } from './SeverityField';
import { buildRuleSpec, formFieldOfError, type RuleFormField, type RuleFormValues } from '../../../store/workbench/rules/rule-form';
import type { RuleChangeError } from '../../../store/workbench/rules/rules-slice';
import type { ConsistencyRuleSpec } from '../../../../shared/consistency';
import { useReadOnlyReason } from '../../common/use-read-only';

interface AddRuleFormProps {
  engines: readonly string[];
  /** Adds the rule (to the session, or to a what-if draft); a refusal names the field when it can. */
  onAdd(spec: ConsistencyRuleSpec): Promise<{ ok: true } | { ok: false; error: RuleChangeError }>;
}

const EMPTY: RuleFormValues = {
  ruleId: '',
  sourceEngine: 'design',
  dependentEngines: [],
  fields: '',
  severity: 'warning',
  relative: '',
  absolute: '',
  autoUpdate: false,
  description: ''
};

/** A declarative rule: the source's fields must equal the dependents' within a tolerance. */
export function AddRuleForm({ engines, onAdd }: AddRuleFormProps): ReactElement {
  const [values, setValues] = useState<RuleFormValues>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<RuleFormField, string>>>({});
  const [busy, setBusy] = useState(false);
  const readOnly = useReadOnlyReason();
  const set = (partial: Partial<RuleFormValues>): void => setValues((v) => ({ ...v, ...partial }));

  const submit = async (): Promise<void> => {
    const built = buildRuleSpec(values);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setBusy(true);
    const outcome = await onAdd(built.spec);
    setBusy(false);
    if (outcome.ok) {
      setErrors({});
      setValues(EMPTY);
    } else {
      setErrors({ [formFieldOfError(outcome.error)]: outcome.error.message });
    }
  };

  const errorOf = (field: RuleFormField): ReactElement | null =>
    errors[field] ? (
      <span className="wb-error-text cs-field-error" id={`add-rule-${field}-error`} role="alert">
        {errors[field]}
      </span>
    ) : null;
  const describedBy = (field: RuleFormField): string | undefined => (errors[field] ? `add-rule-${field}-error` : undefined);

  return (
    <form
      className="cs-add-rule"
      aria-label="Add a rule"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="cs-form-row">
        <label className="wb-field">
          <span>Rule id</span>
          <input className="wb-input" value={values.ruleId} aria-invalid={!!errors.ruleId} aria-describedby={describedBy('ruleId')} onChange={(e) => set({ ruleId: e.target.value })} placeholder="radar_power" />
        </label>
        {errorOf('ruleId')}
        <label className="wb-field">
          <span>Source engine</span>
          <select className="wb-select" value={values.sourceEngine} onChange={(e) => set({ sourceEngine: e.target.value })}>
            {engines.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <SeverityField value={values.severity} onChange={(severity) => set({ severity })} />
      </div>
      <fieldset className="cs-form-row cs-fieldset" aria-describedby={describedBy('dependentEngines')}>
        <legend>Dependent engines</legend>
        {engines
          .filter((id) => id !== values.sourceEngine)
          .map((id) => (
            <label key={id} className="wb-check">
              <input
                type="checkbox"
                checked={values.dependentEngines.includes(id)}
                onChange={(e) => set({ dependentEngines: e.target.checked ? [...values.dependentEngines, id] : values.dependentEngines.filter((d) => d !== id) })}
              />
              {id}
            </label>
          ))}
        {errorOf('dependentEngines')}
      </fieldset>
      <div className="cs-form-row">
        <label className="wb-field cs-grow">
          <span>Fields (comma-separated, empty = any)</span>
          <input className="wb-input cs-grow" value={values.fields} aria-invalid={!!errors.fields} aria-describedby={describedBy('fields')} onChange={(e) => set({ fields: e.target.value })} placeholder="engineMassKg, sensorMassKg" />
        </label>
        {errorOf('fields')}
      </div>
      <div className="cs-form-row">
        <label className="wb-field">
          <span>Relative tolerance</span>
          <input className="wb-input" inputMode="decimal" value={values.relative} aria-invalid={!!errors.tolerance} aria-describedby={describedBy('tolerance')} onChange={(e) => set({ relative: e.target.value })} placeholder="0.01" />
        </label>
        <label className="wb-field">
          <span>Absolute tolerance</span>
          <input className="wb-input" inputMode="decimal" value={values.absolute} aria-invalid={!!errors.tolerance} aria-describedby={describedBy('tolerance')} onChange={(e) => set({ absolute: e.target.value })} placeholder="0.5" />
        </label>
        {errorOf('tolerance')}
        <label className="wb-check">
          <input type="checkbox" checked={values.autoUpdate} onChange={(e) => set({ autoUpdate: e.target.checked })} />
          Auto-update dependents
        </label>
      </div>
      <div className="cs-form-row">
        <label className="wb-field cs-grow">
          <span>Description</span>
          <input className="wb-input cs-grow" value={values.description} onChange={(e) => set({ description: e.target.value })} placeholder="what this rule guarantees" />
        </label>
        <button type="submit" className="wb-btn wb-btn-primary" disabled={busy || readOnly !== null} title={readOnly ?? undefined}>
          Add rule
        </button>
      </div>
      {errorOf('form')}
    </form>
  );
}
