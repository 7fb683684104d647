import { memo, type ReactElement } from 'react';
import type { SlowOperationRow } from '../../../store/workbench/performance/performance-rows';
import { Badge, EmptyState } from '../common/Panel';
import { formatMs } from '../../common/format';

/** Operations over the threshold, then the slowest others (marked "under threshold"). */
export const SlowOperationsTable = memo(function SlowOperationsTable({ rows, thresholdMs }: { rows: readonly SlowOperationRow[]; thresholdMs: number }): ReactElement {
  if (rows.length === 0) return <EmptyState title="No operations timed yet">Engine computations and analyses are timed as they run.</EmptyState>;
  const over = rows.filter((r) => r.overThreshold).length;
  return (
    <div className="wb-table-wrap" tabIndex={0} role="region" aria-label="Slow operations table">
      <table className="wb-table" data-testid="perf-slow-table">
        <caption>
          {over === 0
            ? `No operation took longer than ${thresholdMs} ms; the slowest ones are listed for reference.`
            : `${over} operation${over === 1 ? '' : 's'} over ${thresholdMs} ms, then the slowest others.`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col" className="wb-num">Count</th>
            <th scope="col" className="wb-num">p50</th>
            <th scope="col" className="wb-num">p95</th>
            <th scope="col" className="wb-num">p99</th>
            <th scope="col" className="wb-num">Max</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className={row.overThreshold ? '' : 'wb-row-dim'}>
              <td className="wb-mono">{row.name}</td>
              <td className="wb-num">{row.count}</td>
              <td className="wb-num">{formatMs(row.p50Ms)}</td>
              <td className="wb-num">{formatMs(row.p95Ms)}</td>
              <td className="wb-num">{formatMs(row.p99Ms)}</td>
              <td className="wb-num">{formatMs(row.maxMs)}</td>
              <td>{row.overThreshold ? <Badge tone="warning">slow</Badge> : <Badge tone="dim">under threshold</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
