import { useState, type ReactElement } from 'react';
import { readWholeNumber } from './whole-number';

interface WholeNumberFieldProps {
  value: number;
  min: number;
  max: number;
  step?: number;
  className?: string;
  /** The field's name for assistive technology when no <label> wraps it. */
  ariaLabel?: string;
  /** A valid number the user typed, or null while the text is not one (the caller holds off). */
  onValue(value: number | null): void;
}

/**
 * A number input that shows what the user typed and says what is wrong with it instead of
 * rounding or clamping it: the caller gets null until the text is a whole number in bounds.
 */
export function WholeNumberField({ value, min, max, step = 1, className = 'wb-input', ariaLabel, onValue }: WholeNumberFieldProps): ReactElement {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (a loaded scenario, a reset) replaces what was typed.
  if (value !== shown) {
    setShown(value);
    setText(String(value));
  }
  const reading = readWholeNumber(text, min, max);
  return (
    <span className="wb-number-field">
      <input
        className={className}
        type="number"
        min={min}
        max={max}
        step={step}
        value={text}
        aria-label={ariaLabel}
        aria-invalid={!reading.ok}
        title="Esc leaves the field"
        onChange={(e) => {
          setText(e.target.value);
          const next = readWholeNumber(e.target.value, min, max);
          if (next.ok) setShown(next.value);
          onValue(next.ok ? next.value : null);
        }}
      />
      {!reading.ok && (
        <span className="wb-field-error" role="alert">
          {reading.error}
        </span>
      )}
    </span>
  );
}
