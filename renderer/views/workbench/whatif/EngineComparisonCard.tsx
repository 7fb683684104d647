import type { ReactElement } from 'react';
import type { EngineComparison } from '../../../../shared/protocol';
import { formatFigure, fullFigure } from '../../../store/workbench/whatif/whatif-text';
import { Badge } from '../common/Panel';

interface EngineComparisonCardProps {
  engine: EngineComparison;
  changedOnly: boolean;
}

/** One engine's outputs before and after the change, changed fields highlighted. */
export function EngineComparisonCard({ engine, changedOnly }: EngineComparisonCardProps): ReactElement {
  const fields = changedOnly ? engine.fields.filter((f) => f.changed) : engine.fields;
  const { before, after } = engine.outcome;
  const titleId = `wi-engine-${engine.engineId}`;
  return (
    <section className={`wi-engine ${engine.changedFields > 0 ? 'wi-engine-changed' : ''}`} aria-labelledby={titleId} data-engine={engine.engineId}>
      <header className="wi-engine-head">
        <h4 id={titleId} className="wi-engine-title">
          {engine.engineId}
        </h4>
        <Badge tone={before}>{before}</Badge>
        {after !== before && (
          <>
            → <Badge tone={after}>{after}</Badge>
          </>
        )}
        <span className="wb-dim wi-engine-count" data-testid={`changed-count-${engine.engineId}`}>
          {engine.changedFields} of {engine.fields.length} changed
        </span>
      </header>
      {fields.length === 0 ? (
        <p className="wb-note">{changedOnly ? 'No output changed.' : 'No outputs.'}</p>
      ) : (
        <div className="wb-table-wrap" tabIndex={0} role="region" aria-label={`${engine.engineId} outputs before and after`}>
          <table className="wb-table wi-compare-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col" className="wb-num">
                  Before
                </th>
                <th scope="col" className="wb-num">
                  After
                </th>
                <th scope="col">Unit</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.field} className={f.changed ? 'wi-row-changed' : ''} data-field={f.field} data-changed={f.changed}>
                  <th scope="row" className="wb-mono">
                    {f.changed && <span className="fd-sr">changed: </span>}
                    {f.field}
                  </th>
                  <td className="wb-num wb-mono" title={fullFigure(f.before)}>
                    {formatFigure(f.before, 28)}
                  </td>
                  <td className="wb-num wb-mono" title={fullFigure(f.after)}>
                    {formatFigure(f.after, 28)}
                  </td>
                  <td className="wb-dim">{f.unit ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
