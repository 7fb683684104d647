import { diffValues } from './config-diff';

/** One leaf path of two payloads side by side. */
export interface PayloadCompareRow {
  path: string;
  /** Whether each payload has the path. */
  inA: boolean;
  inB: boolean;
  a?: unknown;
  b?: unknown;
  /** The path lies at or under a difference `diffValues` reports. */
  differs: boolean;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && (Array.isArray(value) || Object.keys(value).length > 0);
}

/** Every leaf of a JSON-like value by the path `diffValues` names it with (empty objects are leaves). */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) value.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
  else if (isContainer(value) && !Array.isArray(value)) for (const [key, child] of Object.entries(value)) leaves(child, path === '' ? key : `${path}.${key}`, out);
  else out.set(path === '' ? '(root)' : path, value);
  return out;
}

function under(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`) || ancestor === '(root)';
}

/**
 * Two payloads side by side, leaf by leaf (the paths of `a` in order, then those only `b` has),
 * each row marked when it lies at or under a path the structural diff (`diffValues`) reports.
 *
 * @example
 * comparePayloads({ maxMach: 1.8, engineId: 'aerodynamics' }, { maxMach: 1.7, engineId: 'aerodynamics' });
 * // [{ path: 'maxMach', a: 1.8, b: 1.7, differs: true, … }, { path: 'engineId', differs: false, … }]
 */
export function comparePayloads(a: unknown, b: unknown): PayloadCompareRow[] {
  const differing = diffValues(a, b).map((entry) => entry.path);
  const inA = leaves(a, '', new Map());
  const inB = leaves(b, '', new Map());
  const paths = [...inA.keys(), ...[...inB.keys()].filter((path) => !inA.has(path))];
  return paths.map((path) => ({
    path,
    inA: inA.has(path),
    inB: inB.has(path),
    a: inA.get(path),
    b: inB.get(path),
    differs: differing.some((ancestor) => under(path, ancestor))
  }));
}
