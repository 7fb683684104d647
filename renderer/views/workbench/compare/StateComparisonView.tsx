import { useMemo, type ReactElement } from 'react';
import type { ComparedSide } from '../../../store/viewed';
import { formatCount } from '../../common/format';
import type { OutputChange } from '../../live/common/output-changes';
import { DiffTable } from '../../live/timeline/ConfigDiff';
import { NestedChange } from '../../live/timeline/OutputChanges';
import { compareStates, type EngineComparison } from './state-comparison';
import '../../live/timeline/timeline-detail.css';
import './compare.css';

function ChangeCell({ change }: { change: OutputChange }): ReactElement {
  return (
    <td className="wb-mono">
      {change.kind === 'nested' ? <NestedChange change={change} /> : change.before === null ? `— → ${change.after}` : `${change.before} → ${change.after}`}
    </td>
  );
}

function EngineOutputs({ engine }: { engine: EngineComparison }): ReactElement {
  const versions = engine.versionA === engine.versionB ? `v${engine.versionA}` : `v${engine.versionA} → v${engine.versionB}`;
  return (
    <section className="cmp-engine" aria-label={`${engine.engineId} outputs`} data-testid="compare-engine" data-engine={engine.engineId}>
      <h4 className="cmp-engine-title">
        {engine.engineId} <span className="wb-dim">· outputs of {versions} · {engine.changes.length === 0 ? 'identical' : `${engine.changes.length} differ`}</span>
      </h4>
      {engine.changes.length > 0 && (
        <table className="wb-table cmp-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">A → B</th>
              <th scope="col">Unit</th>
              <th scope="col" className="wb-num">Change</th>
            </tr>
          </thead>
          <tbody>
            {engine.changes.map((change) => (
              <tr key={change.field}>
                <td className="wb-mono" title={change.meaning}>
                  {change.field}
                </td>
                <ChangeCell change={change} />
                <td>{change.unit}</td>
                <td className="wb-num wb-mono">{change.delta ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * Two session states side by side: counts, the configuration diff and each engine's outputs that
 * differ (A as before, B as after, with units).
 */
export function StateComparisonView({ a, b }: { a: ComparedSide; b: ComparedSide }): ReactElement {
  const comparison = useMemo(() => compareStates(a, b), [a, b]);
  return (
    <div className="cmp-result" data-testid="state-comparison">
      <table className="wb-table cmp-counts">
        <caption className="fd-sr">Counts of A and B</caption>
        <thead>
          <tr>
            <th scope="col">Count</th>
            <th scope="col">
              A · {a.label} (as of #{a.asOfSeq})
            </th>
            <th scope="col">
              B · {b.label} (as of #{b.asOfSeq})
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.counts.map((count) => (
            <tr key={count.label} className={count.a === count.b ? undefined : 'cmp-differs'}>
              <td>{count.label}</td>
              <td className="wb-num wb-mono">{formatCount(count.a)}</td>
              <td className="wb-num wb-mono">{formatCount(count.b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="cmp-heading">Configuration</h3>
      {comparison.configuration === null ? (
        <p className="wb-note">A side has no configuration yet: nothing to compare.</p>
      ) : comparison.configuration.length === 0 ? (
        <p className="wb-note">Identical configurations.</p>
      ) : (
        <DiffTable entries={comparison.configuration} against="A" />
      )}
      <h3 className="cmp-heading">Engine outputs</h3>
      {comparison.engines.map((engine) => (
        <EngineOutputs key={engine.engineId} engine={engine} />
      ))}
    </div>
  );
}
