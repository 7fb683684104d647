import { useMemo, type ReactElement } from 'react';
import type { EngineEvent } from '../../../../shared/events';
import { liveBuffer } from '../../../store/live';
import { diffValues, type DiffEntry } from './config-diff';

const MAX_ROWS = 300;

function show(value: unknown): string {
  if (value === undefined) return '—';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 80)}…` : json;
}

/**
 * The field paths a `configuration_changed` event added, removed or changed against the
 * configuration of its `previousVersion` (read from that version's own event in the buffer).
 */
export function ConfigDiff({ event }: { event: EngineEvent<'configuration_changed'> }): ReactElement {
  const { previousVersion } = event.data;
  const entries = useMemo(() => {
    const previous = previousVersion === null ? undefined : liveBuffer.configurationChange(previousVersion);
    return previous ? diffValues(previous.data.configuration, event.data.configuration) : null;
  }, [event, previousVersion]);

  if (entries === null) {
    return (
      <p className="tl-note">
        {previousVersion === null
          ? 'This is the first configuration of the session: nothing to compare with.'
          : `The previous configuration (v${previousVersion}) is not held by this window, so no diff can be shown.`}
      </p>
    );
  }
  if (entries.length === 0) return <p className="tl-note">Identical to v{previousVersion}.</p>;
  return <DiffTable entries={entries} against={`v${previousVersion}`} />;
}

/** Diff entries as a table of field, kind and before → after ("N fields differ from `against`"). */
export function DiffTable({ entries, against }: { entries: readonly DiffEntry[]; against: string }): ReactElement {
  return (
    <div className="tl-diff">
      <p className="tl-note">
        {entries.length === 1 ? '1 field differs' : `${entries.length} fields differ`} from {against}
      </p>
      <table className="tl-diff-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Change</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {entries.slice(0, MAX_ROWS).map((entry) => (
            <tr key={entry.path} className={`tl-diff--${entry.kind}`}>
              <td className="tl-mono">{entry.path}</td>
              <td>
                <span className={`tl-diff-kind tl-diff-kind--${entry.kind}`}>{entry.kind}</span>
              </td>
              <td className="tl-mono">
                {entry.kind === 'added' ? show(entry.after) : entry.kind === 'removed' ? show(entry.before) : `${show(entry.before)} → ${show(entry.after)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length > MAX_ROWS && <p className="tl-note">…and {entries.length - MAX_ROWS} more.</p>}
    </div>
  );
}
