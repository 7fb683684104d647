import { useState, type ReactElement } from 'react';
import { downloadText } from '../../shell/download';
import { useFlightdeck } from '../../store';

/** Downloads a recorded session (the live one when `sessionId` is absent) as a demo file; says why when it cannot. */
export function SaveAsDemoButton({ sessionId, name, className, label }: { sessionId?: number; name: string; className: string; label: string }): ReactElement {
  const saving = useFlightdeck((s) => s.demo.saving);
  const save = useFlightdeck((s) => s.demo.saveSessionAsDemo);
  const [error, setError] = useState<string | null>(null);
  const onClick = async (): Promise<void> => {
    const yaml = await save(sessionId, name);
    setError(yaml === null ? useFlightdeck.getState().demo.saveError : null);
    if (yaml !== null) downloadText(`${name.replace(/[^\w.-]+/g, '-')}.demo.yaml`, yaml, 'application/yaml');
  };
  return (
    <>
      <button type="button" className={className} disabled={saving} onClick={() => void onClick()} aria-label={`Save ${name} as a demo`}>
        {saving ? 'Reading…' : label}
      </button>
      {error && (
        <span className="wb-error-text" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
