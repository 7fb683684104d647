import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck, useSession } from '../../../store';
import { selectCurrentConfiguration } from '../../../store/session/selectors';
import { applyBlocker } from '../../../store/workbench/configuration/apply-blocker';
import { draftChanges } from '../../../store/workbench/configuration/draft-edits';
import { formatClock } from '../../common/format';
import { EmptyState, Panel } from '../common/Panel';
import { AircraftSummary } from './AircraftSummary';
import { ChangeResult } from './ChangeResult';
import { DraftEditor } from './DraftEditor';
import '../common/workbench.css';
import '../consistency/consistency.css';
import './configuration.css';
import { useReadOnlyReason } from '../../common/use-read-only';

/**
 * The session's aircraft (from the session state), the scenario picker, and a validated draft
 * to apply. Apply sends the draft as it is: the coordinator numbers the new version.
 */
export function ConfigurationView(): ReactElement {
  const session = useSession(selectCurrentConfiguration);
  const lastRefusal = useSession((s) => s.lastRefusal);
  const state = useFlightdeck(
    useShallow((s) => ({
      library: s.configuration.library,
      scenarios: s.configuration.scenarios,
      draft: s.configuration.draft,
      findings: s.configuration.findings,
      validating: s.configuration.validating,
      invalidFields: s.configuration.invalidFields,
      validationError: s.configuration.validationError,
      busy: s.configuration.busy,
      lastChange: s.configuration.lastChange,
      error: s.configuration.error,
      draftBaseVersion: s.configuration.draftBaseVersion
    }))
  );
  const actions = useFlightdeck(
    useShallow((s) => ({
      loadCatalog: s.configuration.loadCatalog,
      loadScenario: s.configuration.loadScenario,
      edit: s.configuration.edit,
      setFieldValid: s.configuration.setFieldValid,
      reset: s.configuration.reset,
      applyDraft: s.configuration.applyDraft
    }))
  );
  const connected = useFlightdeck((s) => s.connection.info.state === 'open');
  const readOnly = useReadOnlyReason();
  const [scenarioId, setScenarioId] = useState('');
  const { loadCatalog } = actions;
  useEffect(() => {
    if (connected) void loadCatalog();
  }, [connected, loadCatalog]);

  const current = session?.configuration ?? null;
  const version = session?.version ?? 0;
  const { draft, library } = state;
  const changes = useMemo(() => (current && draft ? draftChanges(current, draft) : []), [current, draft]);
  const errors = state.findings.filter((f) => f.severity === 'error').length;
  const blocker = applyBlocker({ findings: state.findings, invalidFields: state.invalidFields, validating: state.validating, busy: state.busy, connected });
  const editable = draft ?? current;
  const chosenScenario = scenarioId || state.scenarios.find((s) => s.id === current?.id)?.id || state.scenarios[0]?.id || '';

  return (
    <section className="wb-view" aria-label="Configuration" data-testid="configuration-view">
      <div className="wb-toolbar">
        <h2 className="cf-aircraft-name" data-testid="cf-aircraft-name">
          {current ? current.name : 'No aircraft loaded'}
        </h2>
        {current && <span className="wb-dim">version {version}</span>}
        <label className="wb-field cf-scenario">
          <span>Scenario</span>
          <select className="wb-select" value={chosenScenario} onChange={(e) => setScenarioId(e.target.value)}>
            {state.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {s.engineModel} × {s.engineCount}, {s.missionType.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="wb-btn" disabled={!chosenScenario || state.busy || !connected || readOnly !== null} title={readOnly ?? undefined} onClick={() => void actions.loadScenario(chosenScenario)}>
          Load scenario
        </button>
        {state.error && <span className="wb-error-text" role="alert">{state.error}</span>}
      </div>
      {lastRefusal && lastRefusal.at >= (session?.appliedAt ?? 0) && (
        <p className="wb-note wb-note--warning" role="status" data-testid="cf-last-refusal">
          A configuration was refused at {formatClock(lastRefusal.at)}; nothing changed, the session is still on version {version}:{' '}
          {lastRefusal.message}
        </p>
      )}
      {state.lastChange && (
        <Panel title="Last change" meta="per-engine outcomes">
          <ChangeResult change={state.lastChange} />
        </Panel>
      )}
      <div className="cf-layout">
        <Panel
          title={draft ? 'Draft' : 'Edit'}
          className="cf-draft-panel"
          meta={
            draft ? (
              <span role="status" data-testid="cf-validation-status">
                {state.validating ? 'validating…' : state.validationError !== null ? 'not validated' : errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : state.findings.length > 0 ? `${state.findings.length} finding(s)` : 'valid'}
                {state.draftBaseVersion < version && ` · the configuration changed under this draft (v${state.draftBaseVersion} → v${version})`}
              </span>
            ) : (
              'change any field to start a draft'
            )
          }
          actions={
            <>
              {(draft || state.invalidFields.length > 0) && blocker && (
                <span className="wb-dim cf-apply-blocker" data-testid="cf-apply-blocker">
                  Apply is off: {blocker}
                </span>
              )}
              <button type="button" className="wb-btn" disabled={!draft || state.busy} onClick={actions.reset}>
                Reset
              </button>
              <button
                type="button"
                className="wb-btn wb-btn-primary"
                disabled={!draft || changes.length === 0 || blocker !== null || readOnly !== null}
                title={readOnly ?? ((draft || state.invalidFields.length > 0) && blocker ? `Apply is off: ${blocker}` : undefined)}
                onClick={() => void actions.applyDraft()}
              >
                Apply{changes.length > 0 ? ` (${changes.length})` : ''}
              </button>
            </>
          }
        >
          {changes.length > 0 && (
            <p className="wb-note cf-changes" data-testid="cf-draft-changes">
              Changes: {changes.join(' · ')}
            </p>
          )}
          {editable && library ? (
            <DraftEditor draft={editable} library={library} findings={draft ? state.findings : []} onEdit={actions.edit} onFieldValid={actions.setFieldValid} />
          ) : (
            <EmptyState title="Loading the aircraft and the library…" />
          )}
        </Panel>
        <Panel title="Current aircraft" className="cf-current-panel" meta={current ? `${current.propulsion.engineModel} × ${current.propulsion.count}` : undefined}>
          {current ? <AircraftSummary configuration={current} version={version} library={library} /> : <EmptyState title="No configuration applied yet">Load a scenario to start.</EmptyState>}
        </Panel>
      </div>
    </section>
  );
}
