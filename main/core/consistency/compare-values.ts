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
    for (let i = 0; i < expected.length; i++) if (!valuesAgree(expected[i], actual[i], tolerance)) return false;
    return true;
  }
  // Plain loops, no key arrays: outputs are compared on every recompute.
  const expectedRecord = expected as Record<string, unknown>;
  const actualRecord = actual as Record<string, unknown>;
  let expectedKeys = 0;
  for (const key in expectedRecord) {
    if (!Object.hasOwn(expectedRecord, key)) continue;
    expectedKeys++;
    if (!Object.hasOwn(actualRecord, key) || !valuesAgree(expectedRecord[key], actualRecord[key], tolerance)) return false;
  }
  let actualKeys = 0;
  for (const key in actualRecord) if (Object.hasOwn(actualRecord, key)) actualKeys++;
  return expectedKeys === actualKeys;
}

/**
 * Top-level keys whose values differ by deep equality between two records, including keys
 * added or removed; in `before`'s key order, then the added keys in `after`'s order.
 */
export function changedTopLevelFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>
): string[] {
  return shareUnchanged(before, after).changedFields;
}

/**
 * `after` with every top-level value that deep-equals `before`'s replaced by `before`'s own
 * object (`before` itself when nothing changed), and the keys that changed (as
 * `changedTopLevelFields` lists them). Outputs and configurations kept in the log then share
 * what did not change with the previous ones, so a new version costs memory only for what it
 * changed (and the garbage collector copies less).
 *
 * @example
 * const { value, changedFields } = shareUnchanged({ a: { x: 1 }, b: 2 }, { a: { x: 1 }, b: 3 });
 * value.a === before.a; // true
 * changedFields; // ['b']
 */
export function shareUnchanged<T extends Readonly<Record<string, unknown>>>(
  before: Readonly<Record<string, unknown>>,
  after: T
): { value: T; changedFields: string[] } {
  const changedFields: string[] = [];
  // One copy of `after` in its own shape; then, in `before`'s order, what agrees points at
  // `before`'s value (a store to a property the copy already has, so it never grows key by key),
  // and what does not, or is gone, changed. Each value is read once: reading a number out of an
  // object boxes it.
  const value: Record<string, unknown> = { ...after };
  for (const key in before) {
    if (!Object.hasOwn(before, key)) continue;
    if (!Object.hasOwn(after, key)) {
      changedFields.push(key);
      continue;
    }
    const previous = before[key];
    if (!valuesAgree(previous, value[key])) changedFields.push(key);
    else {
      value[key] = previous;
      // NaN agrees with NaN, yet is never the same value: it reads as changed.
      if (Number.isNaN(previous)) changedFields.push(key);
    }
  }
  for (const key in after) {
    if (Object.hasOwn(after, key) && !Object.hasOwn(before, key)) changedFields.push(key);
  }
  // Nothing changed (every value is `before`'s, keys in the same order): `before` itself is the value.
  if (changedFields.length === 0 && sameKeyOrder(before, value)) return { value: before as T, changedFields };
  return { value: value as T, changedFields };
}

/** Whether two records with the same own keys list them in the same order. */
function sameKeyOrder(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  let i = 0;
  for (const key in b) {
    if (Object.hasOwn(b, key) && keys[i++] !== key) return false;
  }
  return i === keys.length;
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

/**
 * The values `before` held for the fields that changed (fields it lacked are left out): what an
 * `engine_output` event carries as `previousValues`, so the event holds its own diff.
 *
 * @example previousValuesOf({ a: 1, b: 2 }, ['b', 'c']); // { b: 2 }
 */
export function previousValuesOf(before: Readonly<Record<string, unknown>>, changedFields: readonly string[]): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const field of changedFields) if (Object.hasOwn(before, field)) previous[field] = before[field];
  return previous;
}
