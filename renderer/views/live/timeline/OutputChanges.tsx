import { useMemo, type ReactElement } from 'react';
import type { EngineEvent } from '../../../../shared/events';
import { formatValue, outputChanges, type OutputChange } from '../common/output-changes';

const MAX_NESTED_ROWS = 8;

/** A nested value's change: each differing path inside it, before → after (the value alone when "before" is unknown). */
export function NestedChange({ change }: { change: OutputChange }): ReactElement {
  if (change.before === null) return <span className="tl-note">{change.after}</span>;
  return (
    <ul className="tl-nested-changes">
      {change.nested.slice(0, MAX_NESTED_ROWS).map((entry) => (
        <li key={entry.path}>
          <span className="tl-mono">{entry.path}</span>{' '}
          {entry.kind === 'changed' ? `${formatValue(entry.before)} → ${formatValue(entry.after)}` : `${entry.kind} ${formatValue(entry.kind === 'added' ? entry.after : entry.before)}`}
        </li>
      ))}
      {change.nested.length > MAX_NESTED_ROWS && <li className="tl-note">…and {change.nested.length - MAX_NESTED_ROWS} more</li>}
    </ul>
  );
}

/**
 * The fields an engine output changed, before → after with their unit and the change, the
 * biggest first; the meaning of each field (from its schema) on hover.
 */
export function OutputChanges({ event }: { event: EngineEvent<'engine_output'> }): ReactElement {
  const changes = useMemo(() => outputChanges(event.data), [event]);
  if (changes.length === 0) return <p className="tl-note">No field changed: the outputs equal the previous ones.</p>;
  return (
    <div className="tl-diff">
      {event.data.previousValues === undefined && (
        <p className="tl-note">This event was recorded before outputs carried their previous values: only the values after are known.</p>
      )}
      <table className="tl-diff-table tl-output-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before → after</th>
            <th scope="col">Unit</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field} data-field={change.field}>
              <td className="tl-mono" title={change.meaning}>
                {change.field}
              </td>
              <td className="tl-mono">
                {change.kind === 'nested' ? <NestedChange change={change} /> : change.before === null ? change.after : `${change.before} → ${change.after}`}
              </td>
              <td>{change.unit}</td>
              <td className="tl-mono">{change.delta ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
