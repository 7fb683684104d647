import { useEffect, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';
import { selectRules } from '../../../store/session/selectors';
import { ruleEditsOf } from '../../../store/workbench/whatif/rule-draft';
import { EmptyState, Panel } from '../common/Panel';
import { RejudgeDelta } from './RejudgeDelta';
import { RejudgeForm } from './RejudgeForm';
import { RerunComparison } from './RerunComparison';
import { RerunForm } from './RerunForm';
import { SessionPicker } from './SessionPicker';
import '../common/workbench.css';
import '../consistency/consistency.css';
import './whatif.css';

/**
 * What-if: re-judge a recorded session against edited rules (the violation delta, event by
 * event), and re-run one of its configuration changes with one choice changed (every engine's
 * outputs side by side). Both run in sandboxes on the host; the live session is untouched.
 */
export function WhatIfView(): ReactElement {
  const whatif = useFlightdeck(useShallow((s) => s.whatif));
  const connected = useFlightdeck((s) => s.connection.info.state === 'open');
  // The live session's rules as they are now, not as of an event the timeline travelled to.
  const liveRules = useFlightdeck((s) => selectRules(s.session.state));
  const engines = useFlightdeck((s) => s.session.state.engineOrder);
  const live = whatif.sessionId === null;
  const recordedRules = live ? liveRules : whatif.recordedRules;
  const { load } = whatif;

  useEffect(() => {
    if (connected) void load();
  }, [connected, load]);

  return (
    <section className="wb-view" aria-label="What-if" data-testid="whatif-view">
      <div className="wi-header">
        <SessionPicker sessions={whatif.sessions} liveSessionId={whatif.liveSessionId} sessionId={whatif.sessionId} onSelect={(id) => void whatif.selectSession(id)} />
        <p className="wb-note" data-testid="whatif-untouched">
          Both what-ifs run in sandboxes on the host: the live session, its rules, violations and recording are untouched.
        </p>
      </div>
      {whatif.loadError && (
        <p className="wb-error-text" role="alert">
          {whatif.loadError}
        </p>
      )}
      <Panel title="Re-judge with edited rules" meta="the recorded events judged again: which violations would open, no longer open or change" testId="rejudge-panel">
        {recordedRules ? (
          <RejudgeForm
            recordedRules={recordedRules}
            engines={engines}
            draft={whatif.draft}
            running={whatif.rejudge.running}
            error={whatif.rejudge.error}
            onDraft={whatif.setDraft}
            onRun={() => void whatif.runRejudge(ruleEditsOf(recordedRules, whatif.draft))}
          />
        ) : (
          <EmptyState title="Loading the session's rules…" />
        )}
      </Panel>
      {whatif.rejudge.report && (
        <Panel title="Violation delta" meta={live ? 'live session' : `session ${whatif.sessionId}`} testId="rejudge-delta">
          <RejudgeDelta report={whatif.rejudge.report} live={live} />
        </Panel>
      )}
      <Panel title="Re-run with one choice changed" meta="a recorded configuration, computed again in a sandbox with one choice changed" testId="rerun-panel">
        {whatif.catalog ? (
          <RerunForm
            changes={whatif.changes}
            catalog={whatif.catalog}
            running={whatif.rerun.running}
            error={whatif.rerun.error}
            onRefresh={() => void whatif.loadChanges()}
            onRun={(seq, choice) => void whatif.runRerun(seq, choice)}
          />
        ) : (
          <EmptyState title="Loading the library…" />
        )}
      </Panel>
      {whatif.rerun.report && (
        <Panel title="Outputs side by side" meta="before → after the change" testId="rerun-comparison">
          <RerunComparison report={whatif.rerun.report} />
        </Panel>
      )}
    </section>
  );
}
