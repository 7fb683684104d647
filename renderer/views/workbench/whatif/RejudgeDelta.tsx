import type { ReactElement } from 'react';
import type { RejudgeReport } from '../../../../shared/protocol';
import { useFlightdeck } from '../../../store';
import { formatCount, formatMs } from '../../common/format';
import { rejudgeSummary } from '../../../store/workbench/whatif/whatif-text';
import { EmptyState, KpiTile } from '../common/Panel';
import { DeltaItems } from './DeltaItems';

interface RejudgeDeltaProps {
  report: RejudgeReport;
  /** Steps of the live session can be shown in the timeline; a recorded session's are not in it. */
  live: boolean;
}

/** Clicking a step's seq selects that event in the timeline, while this window still holds it. */
function SeqButton({ seq, eventId, live }: { seq: number; eventId: string; live: boolean }): ReactElement {
  const reveal = useFlightdeck((s) => s.selection.reveal);
  if (!live) return <span className="wb-mono wi-seq">#{seq}</span>;
  return (
    <button
      type="button"
      className="wi-seq-link wb-mono"
      title="Show this event in the timeline"
      aria-label={`Show event ${seq} in the timeline`}
      onClick={(e) => {
        if (!reveal(eventId)) e.currentTarget.title = 'This window no longer holds the event in its timeline';
      }}
    >
      #{seq}
    </button>
  );
}

/** The re-judge delta: totals, the state at the end, then each recorded output whose violations would differ. */
export function RejudgeDelta({ report, live }: RejudgeDeltaProps): ReactElement {
  const { totals } = report;
  const atEndEmpty = report.atEnd.opened.length + report.atEnd.noLongerOpened.length + report.atEnd.changed.length === 0;
  return (
    <div className="wi-report" data-testid="rejudge-report">
      <p className="wi-summary" role="status" data-testid="rejudge-summary">
        {rejudgeSummary(totals)}
        <span className="wb-dim">
          {' '}
          · {formatCount(totals.differingOutputs)} of {formatCount(totals.engineOutputs)} engine outputs differ · {formatCount(totals.events)} events judged in {formatMs(report.durationMs)}
        </span>
      </p>
      <div className="wb-kpis">
        <KpiTile label="Would open" value={String(totals.opened)} tone={totals.opened > 0 ? 'error' : undefined} testId="rejudge-opened" />
        <KpiTile label="No longer open" value={String(totals.noLongerOpened)} tone={totals.noLongerOpened > 0 ? 'ok' : undefined} testId="rejudge-no-longer" />
        <KpiTile label="Would change" value={String(totals.changed)} tone={totals.changed > 0 ? 'warn' : undefined} testId="rejudge-changed" />
        <KpiTile label="Differing outputs" value={formatCount(totals.differingOutputs)} />
      </div>
      {report.recordedRuleChanges.length > 0 && (
        <p className="wb-note wb-note--warning" data-testid="recorded-rule-changes">
          The recording changed its rules mid-session (events {report.recordedRuleChanges.map((seq) => `#${seq}`).join(', ')}). The edited rules hold from the first
          event on, so from those events the re-judge also differs by the recording's own rule changes.
        </p>
      )}
      <section aria-labelledby="wi-at-end-title">
        <h3 id="wi-at-end-title" className="wi-subtitle">
          At the end of the session
        </h3>
        {atEndEmpty ? <p className="wb-note">The same violations would be open after the last event.</p> : <DeltaItems delta={report.atEnd} />}
      </section>
      <section aria-labelledby="wi-steps-title">
        <h3 id="wi-steps-title" className="wi-subtitle">
          Event by event <span className="wb-dim">({report.steps.length} outputs)</span>
        </h3>
        {report.steps.length === 0 ? (
          <EmptyState title="No event would differ">Every recorded engine output left the same violations open under the edited rules.</EmptyState>
        ) : (
          <ol className="wi-steps" data-testid="rejudge-steps">
            {report.steps.map((step) => (
              <li key={step.seq} className="wi-step" data-seq={step.seq}>
                <div className="wi-step-head">
                  <SeqButton seq={step.seq} eventId={step.eventId} live={live} />
                  <span className="wi-step-engine">{step.engineId}</span>
                  <span className="wb-dim">engine_output · version {step.configVersion}</span>
                </div>
                <DeltaItems delta={step} />
              </li>
            ))}
          </ol>
        )}
        {totals.omittedSteps > 0 && (
          <p className="wb-note">{formatCount(totals.omittedSteps)} more differing outputs are counted above but not listed.</p>
        )}
      </section>
    </div>
  );
}
