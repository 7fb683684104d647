import type { ReactElement } from 'react';
import { usePopover } from './use-popover';

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
  const { open, setOpen, rootRef, buttonRef, popoverId } = usePopover();

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
