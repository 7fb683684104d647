import type { ReactElement } from 'react';
import { SEVERITIES, type Severity } from '../../../../shared/consistency';

/** The severity picker every rule form uses (add, edit, what-if). */
export function SeverityField({ value, onChange }: { value: Severity; onChange: (severity: Severity) => void }): ReactElement {
  return (
    <label className="wb-field">
      <span>Severity</span>
      <select className="wb-select" value={value} onChange={(e) => onChange(e.target.value as Severity)}>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}
