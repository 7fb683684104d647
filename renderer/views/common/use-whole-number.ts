import { useState } from 'react';

export interface WholeNumberState {
  /** The last valid number typed (what a submit sends). */
  value: number;
  /** False while the field holds text that is not a number in bounds: submits wait. */
  valid: boolean;
  /** For `WholeNumberField`'s `onValue`. */
  onValue(value: number | null): void;
}

/**
 * A form's whole-number field state: the value to send and whether the field's text is one.
 * @example
 * const seed = useWholeNumber(7);
 * <WholeNumberField value={seed.value} min={0} max={1e9} onValue={seed.onValue} />
 */
export function useWholeNumber(initial: number): WholeNumberState {
  const [value, setValue] = useState(initial);
  const [valid, setValid] = useState(true);
  return {
    value,
    valid,
    onValue: (next) => {
      setValid(next !== null);
      if (next !== null) setValue(next);
    }
  };
}
