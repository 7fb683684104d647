import { useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../../../store';

/** Picks an exported session file and posts it to the host; shows the host's message verbatim when it refuses it. */
export function ImportSession(): ReactElement {
  const s = useFlightdeck(useShallow((st) => ({ importing: st.sessions.importing, result: st.sessions.importResult, importFile: st.sessions.importFile })));
  const fileRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<File | null>(null);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (!chosen) return;
    void s.importFile(chosen, name.trim() || chosen.name.replace(/\.jsonl(\.gz)?$/, '')).then(() => {
      if (fileRef.current) fileRef.current.value = '';
      setChosen(null);
      setName('');
    });
  };
  return (
    <form className="ss-import" onSubmit={onSubmit} aria-label="Import a session">
      <label className="wb-field">
        <span>Session file</span>
        <input ref={fileRef} type="file" accept=".gz,.jsonl,application/gzip" onChange={(e) => setChosen(e.target.files?.[0] ?? null)} />
      </label>
      <label className="wb-field">
        <span>Name</span>
        <input className="wb-input" value={name} placeholder="from the file name" onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="wb-btn wb-btn-primary" disabled={!chosen || s.importing}>
        {s.importing ? 'Importing…' : 'Import'}
      </button>
      {s.result &&
        (s.result.ok ? (
          <span className="wb-note" role="status" data-testid="import-result">
            Imported “{s.result.name}”.
          </span>
        ) : (
          <span className="wb-error-text" role="alert" data-testid="import-result">
            Import failed: {s.result.message}
          </span>
        ))}
    </form>
  );
}
