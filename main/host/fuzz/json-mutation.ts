/**
 * Small, pure edits of JSON values by path, for mutating valid messages. Copies keep keys such as
 * `__proto__` as own data properties (a plain assignment would set the prototype instead), so a
 * hostile key survives to `JSON.stringify` and reaches the host as text.
 *
 * @example
 * const paths = pathsOf({ a: [1, { b: 2 }] }); // [[], ['a'], ['a', 0], ['a', 1], ['a', 1, 'b']]
 * replaceAt({ a: [1] }, ['a', 0], 'x'); // { a: ['x'] }
 */

export type JsonPath = readonly (string | number)[];

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** Every path into `value`, the root (`[]`) first, parents before children. */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (isContainer(value)) for (const [key, child] of Object.entries(value)) paths.push(...pathsOf(child, [...prefix, key]));
  return paths;
}

export function valueAt(value: unknown, path: JsonPath): unknown {
  let node = value;
  for (const step of path) node = isContainer(node) ? (node as Record<string | number, unknown>)[step] : undefined;
  return node;
}

/** Defines `key` as an own enumerable data property (safe for `__proto__`). */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function shallowCopy(container: Container): Container {
  if (Array.isArray(container)) return [...container];
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(container)) defineKey(copy, key, container[key]);
  return copy;
}

/** A copy of `value` with `edit` applied to the parent of `path` (copied along the way). */
function editParent(value: unknown, path: JsonPath, edit: (parent: Container, last: string | number) => void): unknown {
  if (path.length === 0) return value;
  const root = isContainer(value) ? shallowCopy(value) : value;
  let node = root;
  for (const step of path.slice(0, -1)) {
    if (!isContainer(node)) return root;
    const record = node as Record<string | number, unknown>;
    const child = record[step];
    if (!isContainer(child)) return root;
    const copy = shallowCopy(child);
    if (Array.isArray(record)) record[step as number] = copy;
    else defineKey(record as Record<string, unknown>, String(step), copy);
    node = copy;
  }
  if (isContainer(node)) edit(node, path[path.length - 1] as string | number);
  return root;
}

/** `value` with the node at `path` replaced (the root itself when `path` is empty). */
export function replaceAt(value: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  return editParent(value, path, (parent, last) => {
    if (Array.isArray(parent)) parent[last as number] = replacement;
    else defineKey(parent, String(last), replacement);
  });
}

/** `value` without the node at `path` (a key deleted, an array item spliced out). */
export function removeAt(value: unknown, path: JsonPath): unknown {
  return editParent(value, path, (parent, last) => {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[String(last)];
  });
}

/** `value` with `key` added to the object at `path` (nothing when it is not an object). */
export function addKeyAt(value: unknown, path: JsonPath, key: string, keyValue: unknown): unknown {
  const target = valueAt(value, path);
  if (!isContainer(target) || Array.isArray(target)) return value;
  const copy = shallowCopy(target) as Record<string, unknown>;
  defineKey(copy, key, keyValue);
  return replaceAt(value, path, copy);
}

