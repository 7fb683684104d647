import { useEffect, useId, useRef, useState, type ReactElement } from 'react';

interface MultiSelectProps<T extends string> {
  label: string;
  options: readonly T[];
  selected: readonly T[];
  onChange(next: T[]): void;
}

/**
 * A compact multi-select: a button showing the label and how many are chosen, opening a
 * popover of checkboxes. Esc or a click outside closes it.
 */
export function MultiSelect<T extends string>({ label, options, selected, onChange }: MultiSelectProps<T>): ReactElement {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  const chosen = new Set(selected);
  const toggle = (option: T): void =>
    onChange(chosen.has(option) ? selected.filter((s) => s !== option) : [...selected, option]);

  return (
    <div className="tl-multi" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`tl-multi-button${selected.length > 0 ? ' tl-multi-button--active' : ''}`}
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        {selected.length > 0 ? ` (${selected.length})` : ''} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <fieldset id={popoverId} className="tl-multi-popover">
          <legend className="tl-multi-legend">{label}</legend>
          {options.map((option) => (
            <label key={option} className="tl-multi-option">
              <input type="checkbox" checked={chosen.has(option)} onChange={() => toggle(option)} />
              {option}
            </label>
          ))}
          {selected.length > 0 && (
            <button type="button" className="tl-link" onClick={() => onChange([])}>
              Clear {label.toLowerCase()}
            </button>
          )}
        </fieldset>
      )}
    </div>
  );
}
