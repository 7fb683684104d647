import { Fragment, useState, type ReactElement } from 'react';
import type { Violation } from '../../../../shared/consistency';
import { Badge, EmptyState } from '../common/Panel';
import { formatClock } from '../../common/format';

/** A violation's expected/actual value as short text. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 1 : 3);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

interface ViolationsTableProps {
  violations: readonly Violation[];
  kind: 'open' | 'resolved';
  emptyTitle: string;
  emptyText: string;
}

/** Open or resolved violations; each row expands to the full message and its ids. */
export function ViolationsTable({ violations, kind, emptyTitle, emptyText }: ViolationsTableProps): ReactElement {
  const [expanded, setExpanded] = useState<string | null>(null);
  if (violations.length === 0) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>;
  return (
    <div className="wb-table-wrap" tabIndex={0} role="region" aria-label={`${kind === 'open' ? 'Open' : 'Resolved'} violations table`}>
      <table className="wb-table" data-testid={`violations-${kind}`}>
        <thead>
          <tr>
            <th scope="col">
              <span className="fd-sr">Details</span>
            </th>
            <th scope="col">Rule</th>
            <th scope="col">Severity</th>
            <th scope="col">Source → dependent</th>
            <th scope="col">Field</th>
            <th scope="col" className="wb-num">Expected</th>
            <th scope="col" className="wb-num">Actual</th>
            <th scope="col">Opened</th>
            {kind === 'resolved' && <th scope="col">Resolved</th>}
          </tr>
        </thead>
        <tbody>
          {violations.map((v) => {
            const open = expanded === v.violationId;
            return (
              <Fragment key={v.violationId}>
                <tr title={v.message} data-rule={v.ruleId}>
                  <td>
                    <button
                      type="button"
                      className="cs-disclosure"
                      aria-expanded={open}
                      aria-label={`${open ? 'Hide' : 'Show'} message of ${v.ruleId}`}
                      onClick={() => setExpanded(open ? null : v.violationId)}
                    >
                      {open ? '▾' : '▸'}
                    </button>
                  </td>
                  <td className="wb-mono">{v.ruleId}</td>
                  <td>
                    <Badge tone={v.severity}>{v.severity}</Badge>
                  </td>
                  <td>
                    {v.sourceEngine} → {v.dependentEngine}
                  </td>
                  <td className="wb-mono">{v.field ?? '—'}</td>
                  <td className="wb-num">{formatValue(v.expected)}</td>
                  <td className="wb-num">{formatValue(v.actual)}</td>
                  <td className="wb-mono">{formatClock(v.detectedAt)}</td>
                  {kind === 'resolved' && (
                    <td>
                      <span className="wb-mono">{v.resolvedAt ? formatClock(v.resolvedAt) : '—'}</span>{' '}
                      <Badge tone={v.resolution === 'passed' ? 'ok' : 'dim'}>{(v.resolution ?? 'resolved').replace(/_/g, ' ')}</Badge>
                    </td>
                  )}
                </tr>
                {open && (
                  <tr className="cs-detail-row">
                    <td />
                    <td colSpan={kind === 'resolved' ? 8 : 7}>
                      <p className="cs-message">{v.message}</p>
                      <p className="wb-note wb-mono">
                        violation {v.violationId}
                        {v.correlationId ? ` · correlation ${v.correlationId}` : ''}
                        {v.causationId ? ` · caused by ${v.causationId}` : ''}
                      </p>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
