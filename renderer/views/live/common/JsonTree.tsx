import type { ReactElement } from 'react';
import './json-tree.css';

interface JsonTreeProps {
  value: unknown;
  /** Objects nested deeper than this start collapsed. */
  openDepth?: number;
  label?: string;
}

function preview(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object' && value !== null) return `{${Object.keys(value).length}}`;
  return '';
}

function Leaf({ value }: { value: unknown }): ReactElement {
  if (typeof value === 'string') return <span className="jt-string">"{value}"</span>;
  if (typeof value === 'number') return <span className="jt-number">{Number.isInteger(value) ? value : Number(value.toPrecision(6))}</span>;
  if (typeof value === 'boolean') return <span className="jt-bool">{String(value)}</span>;
  return <span className="jt-null">null</span>;
}

function Node({ name, value, depth, openDepth }: { name: string; value: unknown; depth: number; openDepth: number }): ReactElement {
  if (typeof value !== 'object' || value === null) {
    return (
      <div className="jt-row">
        <span className="jt-key">{name}</span>: <Leaf value={value} />
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return (
    <details className="jt-node" open={depth < openDepth}>
      <summary>
        <span className="jt-key">{name}</span> <span className="jt-preview">{preview(value)}</span>
      </summary>
      <div className="jt-children">
        {entries.map(([key, child]) => (
          <Node key={key} name={key} value={child} depth={depth + 1} openDepth={openDepth} />
        ))}
      </div>
    </details>
  );
}

/** Pretty, collapsible JSON (native `<details>`, keyboard-accessible). */
export function JsonTree({ value, openDepth = 1, label = 'data' }: JsonTreeProps): ReactElement {
  return (
    <div className="jt" role="group" aria-label={label}>
      <Node name={label} value={value} depth={0} openDepth={openDepth} />
    </div>
  );
}
