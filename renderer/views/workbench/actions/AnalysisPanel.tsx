import { useMemo, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { currentVersion } from '../../../../shared/projection';
import type { AnalysisResult } from '../../../../shared/protocol';
import { useFlightdeck, useSession } from '../../../store';
import { selectAnalyses } from '../../../store/session/selectors';
import { Badge, EmptyState, Panel } from '../common/Panel';
import { InputsNotice } from './InputsNotice';
import { formatMs } from '../../common/format';
import { formatFigure } from '../common/units';
import { useReadOnlyReason } from '../../common/use-read-only';

/** Whether a result can be presented as current. */
function isCurrent(result: AnalysisResult, version: number): boolean {
  return result.inputs.upToDate && result.inputs.configVersion >= version;
}

function AnalysisResultCard({ result, version }: { result: AnalysisResult; version: number }): ReactElement {
  const figures = Object.entries(result.summary).map(([key, value]) => formatFigure(key, value));
  const contributors = Object.keys(result.contributions);
  const errors = Object.entries(result.errors);
  return (
    <article
      className={`ac-result${isCurrent(result, version) ? '' : ' ac-result--stale'}`}
      data-testid="analysis-result"
      data-analysis={result.analysisType}
      data-current={isCurrent(result, version)}
      aria-label={`${result.analysisType} result`}
    >
      <header className="ac-result-head">
        <h3 className="ac-result-title wb-mono">{result.analysisType}</h3>
        <span className="wb-dim">
          configuration v{result.inputs.configVersion} · {formatMs(result.durationMs)}
        </span>
        {!isCurrent(result, version) ? (
          <Badge tone="error">not current</Badge>
        ) : errors.length > 0 ? (
          <Badge tone="error">{errors.length} engine error{errors.length === 1 ? '' : 's'}</Badge>
        ) : (
          <Badge tone="ok">current</Badge>
        )}
      </header>
      <InputsNotice inputs={result.inputs} currentVersion={version} testId="analysis-freshness" />
      <p className="wb-note">Contributing engines: {contributors.length > 0 ? contributors.join(', ') : 'none'}</p>
      {figures.length > 0 ? (
        <table className="wb-table ac-figures">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="wb-num">Value</th>
              <th scope="col">Unit</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.key} data-figure={f.key}>
                <td title={f.key}>
                  {f.label} <span className="wb-dim wb-mono">{f.key}</span>
                </td>
                <td className="wb-num">{f.value}</td>
                <td>{f.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="wb-note">No summary figures.</p>
      )}
      {errors.length > 0 && (
        <ul className="wb-error-text">
          {errors.map(([engine, message]) => (
            <li key={engine}>
              {engine}: {message}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** Runs a cross-engine analysis; shows the session's latest result of each type, the chosen type first. */
export function AnalysisPanel(): ReactElement {
  const { types, running, error } = useFlightdeck(useShallow((s) => ({ types: s.analysis.types, running: s.analysis.running, error: s.analysis.error })));
  const analyses = useSession(selectAnalyses);
  const version = useSession(currentVersion);
  const run = useFlightdeck((s) => s.analysis.run);
  const readOnly = useReadOnlyReason();
  const [chosen, setChosen] = useState('');
  const analysisType = chosen || types[0] || '';
  const results = useMemo(
    () => [...analyses.filter((r) => r.analysisType === analysisType), ...analyses.filter((r) => r.analysisType !== analysisType)],
    [analyses, analysisType]
  );
  return (
    <Panel
      title="Analysis"
      meta={running ? `running ${running}…` : `latest of ${results.length} type${results.length === 1 ? '' : 's'}`}
      actions={
        <>
          <label className="wb-field">
            <span>Type</span>
            <select className="wb-select" value={analysisType} onChange={(e) => setChosen(e.target.value)}>
              {types.map((t) => (
                <option key={t} value={t}>
                  {t.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="wb-btn wb-btn-primary" disabled={!analysisType || running !== null || readOnly !== null} title={readOnly ?? undefined} onClick={() => void run(analysisType)}>
            Run analysis
          </button>
        </>
      }
    >
      {error && (
        <p className="wb-error-text" role="alert">
          {error}
        </p>
      )}
      {results.length === 0 ? (
        <EmptyState title="No analysis run yet">Pick a type and run it on the current configuration.</EmptyState>
      ) : (
        <div className="ac-results" tabIndex={0} role="region" aria-label="Analysis results">
          {results.map((r, i) =>
            i === 0 ? (
              <AnalysisResultCard key={r.correlationId} result={r} version={version} />
            ) : (
              <details key={r.correlationId} className="ac-older">
                <summary>
                  <span className="wb-mono">{r.analysisType}</span>{' '}
                  <span className="wb-dim">
                    · configuration v{r.inputs.configVersion} · {formatMs(r.durationMs)}
                    {isCurrent(r, version) ? '' : ' · not current'}
                  </span>
                </summary>
                <AnalysisResultCard result={r} version={version} />
              </details>
            )
          )}
        </div>
      )}
    </Panel>
  );
}
