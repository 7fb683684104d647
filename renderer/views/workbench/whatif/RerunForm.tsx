import { useMemo, useState, type ReactElement } from 'react';
import type { AircraftConfiguration } from '../../../../shared/aircraft';
import type { LibraryCatalog, OneChoice } from '../../../../shared/protocol';
import { choiceOf, initialChoiceForm, recordedChoicesOf, zonesOf, type ChoiceForm } from '../../../store/workbench/whatif/choice-form';
import type { RecordedChange } from '../../../store/workbench/whatif/recorded-changes';
import { formatClock } from '../../common/format';
import { EmptyState } from '../common/Panel';
import { ChoicePicker } from './ChoicePicker';

interface RerunFormProps {
  changes: readonly RecordedChange[];
  catalog: LibraryCatalog;
  running: boolean;
  error: string | null;
  onRefresh(): void;
  onRun(seq: number, choice: OneChoice): void;
}

/** Which recorded configuration change to re-run, and the one choice to change in it. */
export function RerunForm({ changes, catalog, running, error, onRefresh, onRun }: RerunFormProps): ReactElement {
  const [seq, setSeq] = useState<number | null>(null);
  const picked = changes.find((change) => change.seq === seq) ?? changes[0] ?? null;

  if (changes.length === 0) {
    return (
      <EmptyState title="No configuration change recorded">
        Apply a configuration (or load a scenario) and <button type="button" className="wb-btn wi-inline-btn" onClick={onRefresh}>refresh</button>.
      </EmptyState>
    );
  }
  return (
    <div className="wi-rerun-form">
      <fieldset className="wi-change-list">
        <legend>
          Configuration change <span className="wb-dim">({changes.length})</span>
          <button type="button" className="wb-btn wi-inline-btn" onClick={onRefresh}>
            Refresh
          </button>
        </legend>
        <div className="wi-change-scroll" data-testid="rerun-changes">
          {changes.map((change) => (
            <label key={change.seq} className="wi-change">
              <input type="radio" name="wi-change" checked={change.seq === picked?.seq} onChange={() => setSeq(change.seq)} />
              <span className="wb-mono">v{change.version}</span>
              <span className="wb-mono wb-dim">{formatClock(change.timestamp)}</span>
              <span className="wb-mono wb-dim">#{change.seq}</span>
              <span className="wi-change-name">{change.configuration ? `${change.configuration.name} · ${change.configuration.propulsion.engineModel}` : 'configuration not readable'}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {picked && (
        // Keyed by the change: a newly picked one starts from choices that differ from what it recorded.
        <ChoiceAndRun key={picked.seq} configuration={picked.configuration} catalog={catalog} running={running} error={error} onRun={(choice) => onRun(picked.seq, choice)} />
      )}
    </div>
  );
}

interface ChoiceAndRunProps {
  configuration: AircraftConfiguration | null;
  catalog: LibraryCatalog;
  running: boolean;
  error: string | null;
  onRun(choice: OneChoice): void;
}

function ChoiceAndRun({ configuration, catalog, running, error, onRun }: ChoiceAndRunProps): ReactElement {
  const recorded = useMemo(() => recordedChoicesOf(configuration, catalog), [configuration, catalog]);
  const [form, setForm] = useState<ChoiceForm>(() => initialChoiceForm(configuration, catalog));
  return (
    <div className="wi-choice-col">
      <ChoicePicker form={form} catalog={catalog} zones={zonesOf(configuration)} recorded={recorded} onChange={setForm} />
      <div className="wi-run-row">
        <button type="button" className="wb-btn wb-btn-primary" disabled={running} onClick={() => onRun(choiceOf(form))}>
          {running ? 'Re-running…' : 'Run re-run'}
        </button>
      </div>
      {error && (
        <p className="wb-error-text wi-host-error" role="alert" data-testid="rerun-error">
          {error}
        </p>
      )}
    </div>
  );
}
