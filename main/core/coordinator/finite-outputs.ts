/**
 * The first number in `value` (walked depth first) that is NaN or infinite, with its path, or
 * undefined when every number is finite. Such a number would reach a client as `null` in JSON.
 *
 * @example
 * firstNonFiniteNumber({ drag: { cd0: NaN } }); // { path: 'drag.cd0', value: NaN }
 */
export function firstNonFiniteNumber(value: unknown, path = ''): { path: string; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path: path || '(value)', value };
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonFiniteNumber(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const key in value) {
    const found = firstNonFiniteNumber((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}
