import { useMemo, useState, type ReactElement } from 'react';
import type { EngineEvent } from '../../../../shared/events';
import { formatValue } from '../common/output-changes';
import { comparePayloads } from './payload-compare';

const MAX_ROWS = 400;

function Cell({ present, value }: { present: boolean; value: unknown }): ReactElement {
  return <td className="tl-mono">{present ? formatValue(value) : <span className="tl-note">absent</span>}</td>;
}

/** Two events' payloads side by side, leaf by leaf, the differing paths highlighted and marked. */
export function PayloadCompare({ a, b }: { a: EngineEvent; b: EngineEvent }): ReactElement {
  const rows = useMemo(() => comparePayloads(a.data, b.data), [a, b]);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const differing = rows.filter((row) => row.differs).length;
  const shown = onlyDifferences ? rows.filter((row) => row.differs) : rows;
  return (
    <div className="tl-diff" data-testid="payload-compare">
      <div className="tl-section-bar">
        <p className="tl-note">
          {differing} of {rows.length} paths differ
        </p>
        <label className="tl-toggle">
          <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} />
          Only differences
        </label>
      </div>
      <table className="tl-diff-table tl-compare-table">
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">
              A · #{a.seq} {a.eventType}
            </th>
            <th scope="col">
              B · #{b.seq} {b.eventType}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, MAX_ROWS).map((row) => (
            <tr key={row.path} className={row.differs ? 'tl-compare--differs' : undefined} data-differs={row.differs || undefined}>
              <td className="tl-mono">
                {row.path}
                {row.differs && <span className="tl-diff-kind tl-diff-kind--changed"> ≠</span>}
              </td>
              <Cell present={row.inA} value={row.a} />
              <Cell present={row.inB} value={row.b} />
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > MAX_ROWS && <p className="tl-note">…and {shown.length - MAX_ROWS} more paths.</p>}
    </div>
  );
}
