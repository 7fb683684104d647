/**
 * JSON merge patches (RFC 7396), the form of a demo's `applyChange`: objects merge key by key,
 * `null` removes a key, anything else (arrays included) replaces.
 */

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The document with the patch applied (neither argument is changed).
 *
 * @example
 * applyMergePatch({ propulsion: { engineModel: 'F119-PW-100', count: 2 } }, { propulsion: { engineModel: 'F135-PW-100' } });
 * // { propulsion: { engineModel: 'F135-PW-100', count: 2 } }
 */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/**
 * The smallest merge patch turning `from` into `to` (`{}` when they are equal): what a recorded
 * configuration change becomes in a demo.
 *
 * @example
 * mergePatchBetween({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 5 } }); // { b: { c: 5, d: null } }
 */
export function mergePatchBetween(from: Record<string, Json>, to: Record<string, Json>): Record<string, Json> {
  const patch: Record<string, Json> = {};
  for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) patch[key] = null;
  for (const [key, value] of Object.entries(to)) {
    const before = from[key];
    if (isObject(before) && isObject(value)) {
      const inner = mergePatchBetween(before, value);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (JSON.stringify(before) !== JSON.stringify(value)) {
      patch[key] = value;
    }
  }
  return patch;
}
