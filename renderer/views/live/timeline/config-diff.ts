/** One difference between two JSON-like values, at a dotted path (`modules[2].libraryId`). */
export interface DiffEntry {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/**
 * A structural diff of two JSON-like values: objects are compared key by key, arrays index by
 * index, anything else by value. Leaves only: a changed object reports its changed fields, and
 * an added or removed subtree is one entry. Entries follow the key order of `after`, then keys only `before` has.
 *
 * @example
 * diffValues({ propulsion: { engineModel: 'F119-PW-100' } }, { propulsion: { engineModel: 'EJ200' } });
 * // [{ path: 'propulsion.engineModel', kind: 'changed', before: 'F119-PW-100', after: 'EJ200' }]
 */
export function diffValues(before: unknown, after: unknown, path = ''): DiffEntry[] {
  if (Object.is(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const out: DiffEntry[] = [];
    for (const key of Object.keys(after)) {
      const child = join(path, key);
      if (!(key in before)) out.push({ path: child, kind: 'added', after: after[key] });
      else out.push(...diffValues(before[key], after[key], child));
    }
    for (const key of Object.keys(before)) {
      if (!(key in after)) out.push({ path: join(path, key), kind: 'removed', before: before[key] });
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: DiffEntry[] = [];
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) out.push(...diffValues(before[i], after[i], `${path}[${i}]`));
    for (let i = common; i < after.length; i++) out.push({ path: `${path}[${i}]`, kind: 'added', after: after[i] });
    for (let i = common; i < before.length; i++) out.push({ path: `${path}[${i}]`, kind: 'removed', before: before[i] });
    return out;
  }
  return [{ path: path === '' ? '(root)' : path, kind: 'changed', before, after }];
}
