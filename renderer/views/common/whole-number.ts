/** A whole-number field's text read against its bounds: the number, or why it is not one. */
export type WholeNumberReading = { ok: true; value: number } | { ok: false; error: string };

/**
 * Reads what the user typed into a whole-number field. Nothing is rounded or clamped: 9 where
 * at most 4 is allowed, −1, 2.5 or nothing are refused with the reason, so no field silently
 * turns into a number the user did not type.
 *
 * @example
 * readWholeNumber('9', 1, 4); // { ok: false, error: 'at most 4' }
 * readWholeNumber('3', 1, 4); // { ok: true, value: 3 }
 */
export function readWholeNumber(text: string, min: number, max: number): WholeNumberReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: `enter a whole number from ${min} to ${max}` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: `"${trimmed}" is not a number` };
  if (!Number.isInteger(value)) return { ok: false, error: `a whole number, from ${min} to ${max}` };
  if (value < min) return { ok: false, error: `at least ${min}` };
  if (value > max) return { ok: false, error: `at most ${max}` };
  return { ok: true, value };
}
