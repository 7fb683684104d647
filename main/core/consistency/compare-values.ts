import type { Tolerance } from '../../../shared/consistency';

/**
 * Whether two numbers agree: within the larger of `tolerance.absolute` and
 * `tolerance.relative × |expected|`, exactly equal without a tolerance. NaN equals NaN.
 */
export function numbersAgree(expected: number, actual: number, tolerance?: Tolerance): boolean {
  if (Object.is(expected, actual) || expected === actual) return true;
  if (Number.isNaN(expected) || Number.isNaN(actual)) return false;
  if (!tolerance) return false;
  const allowed = Math.max(tolerance.absolute ?? 0, (tolerance.relative ?? 0) * Math.abs(expected));
  return Math.abs(actual - expected) <= allowed;
}

/**
 * Deep equality of plain data (primitives, arrays, plain objects), with `tolerance` applied to
 * every number at any depth. Objects agree when they have the same own keys with agreeing values.
 *
 * @example
 * valuesAgree({ massKg: [100, 200] }, { massKg: [100.4, 200] }, { absolute: 0.5 }); // true
 */
export function valuesAgree(expected: unknown, actual: unknown, tolerance?: Tolerance): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return numbersAgree(expected, actual, tolerance);
  }
  if (expected === actual) return true;
  if (typeof expected !== 'object' || typeof actual !== 'object') return false;
  if (expected === null || actual === null) return false;
  if (Array.isArray(expected) !== Array.isArray(actual)) return false;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return false;
    return expected.every((item, index) => valuesAgree(item, actual[index], tolerance));
  }
  const expectedRecord = expected as Record<string, unknown>;
  const actualRecord = actual as Record<string, unknown>;
  const keys = Object.keys(expectedRecord);
  if (keys.length !== Object.keys(actualRecord).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(actualRecord, key) &&
      valuesAgree(expectedRecord[key], actualRecord[key], tolerance)
  );
}

/**
 * Top-level keys whose values differ by deep equality between two records, including keys
 * added or removed; in `before`'s key order, then the added keys in `after`'s order.
 */
export function changedTopLevelFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>
): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key) || !valuesAgree(before[key], after[key])) changed.push(key);
  }
  for (const key of Object.keys(after)) {
    if (!Object.hasOwn(before, key)) changed.push(key);
  }
  return changed;
}

/** A short, readable rendering of a value for messages (at most about 80 characters). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
