import { Fragment, useState, type ReactElement } from 'react';
import type { Violation } from '../../../../shared/consistency';
import { Badge, EmptyState } from '../common/Panel';
import { formatClock } from '../../common/format';
import type { ViolationGroup } from './root-cause';

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
  /** Open violations by root cause: each failed engine's group under a header naming it. */
  groups?: readonly ViolationGroup[];
}

/**
 * Open or resolved violations; each row expands to the full message and its ids. With groups,
 * the violations a failed engine caused sit together under a header naming that engine.
 */
export function ViolationsTable({ violations, kind, emptyTitle, emptyText, groups }: ViolationsTableProps): ReactElement {
  const [expanded, setExpanded] = useState<string | null>(null);
  if (violations.length === 0) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>;
  const columns = kind === 'resolved' ? 9 : 8;
  const caused = groups?.some((g) => g.rootEngine !== null) ?? false;
  const sections: readonly ViolationGroup[] = caused && groups ? groups : [{ rootEngine: null, violations: [...violations] }];
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
        {sections.map((section) => (
        <tbody key={section.rootEngine ?? 'other'} data-root-cause={section.rootEngine ?? 'none'}>
          {caused && (
            <tr className="cs-group-row">
              <th scope="rowgroup" colSpan={columns}>
                {section.rootEngine === null
                  ? `Other violations (${section.violations.length})`
                  : `✖ ${section.rootEngine} failed — ${section.violations.length} violation${section.violations.length === 1 ? '' : 's'} follow from it`}
              </th>
            </tr>
          )}
          {section.violations.map((v) => {
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
                    <td colSpan={columns - 1}>
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
        ))}
      </table>
    </div>
  );
}
