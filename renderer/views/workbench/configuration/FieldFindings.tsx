import type { ReactElement } from 'react';
import type { DesignFinding } from '../../../../shared/protocol';

/** Validation findings shown next to the field they concern. */
export function FieldFindings({ findings, id }: { findings: readonly DesignFinding[] | undefined; id?: string }): ReactElement | null {
  if (!findings || findings.length === 0) return null;
  return (
    <ul className="cf-findings" id={id} data-testid="cf-finding">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`cf-finding wb-tone-${f.severity}`}>
          <span className="cf-finding-severity">{f.severity}</span> {f.message} <span className="wb-dim wb-mono">({f.code})</span>
        </li>
      ))}
    </ul>
  );
}
