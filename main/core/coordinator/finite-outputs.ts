/**
 * The first number in `value` (walked depth first) that is NaN or infinite, with its path, or
 * undefined when every number is finite. Such a number would reach a client as `null` in JSON.
 * The walk builds no strings: the path is found again only when there is something to report.
 *
 * @example
 * firstNonFiniteNumber({ drag: { cd0: NaN } }); // { path: 'drag.cd0', value: NaN }
 */
export function firstNonFiniteNumber(value: unknown): { path: string; value: number } | undefined {
  if (allFinite(value)) return undefined;
  return locate(value, '');
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!allFinite(item)) return false;
    return true;
  }
  for (const key in value) if (!allFinite((value as Record<string, unknown>)[key])) return false;
  return true;
}

function locate(value: unknown, path: string): { path: string; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path: path || '(value)', value };
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = locate(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const key in value) {
    const found = locate((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}
