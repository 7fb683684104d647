/**
 * A selector that derives its value again only when one of the parts it reads changed
 * (compared with `Object.is`). The projection shares every part an event did not change, so
 * a derived array keeps its identity from batch to batch and React does not re-render.
 *
 * @example
 * const selectOpen = memoized((s: SessionState) => [s.violations.open], openViolations);
 */
export function memoized<S, T>(parts: (source: S) => readonly unknown[], derive: (source: S) => T): (source: S) => T {
  let lastParts: readonly unknown[] | null = null;
  let value: T;
  return (source) => {
    const next = parts(source);
    if (lastParts && next.length === lastParts.length && next.every((part, i) => Object.is(part, (lastParts as readonly unknown[])[i]))) {
      return value;
    }
    lastParts = next;
    value = derive(source);
    return value;
  };
}

/**
 * Keeps the previous value while a new one has the same JSON: for derived structures that are
 * rebuilt often but rarely differ (the dependency graph after each engine output).
 */
export function structurallyStable<S, T>(select: (source: S) => T): (source: S) => T {
  let lastKey: string | null = null;
  let lastRaw: T | undefined;
  let value: T;
  return (source) => {
    const next = select(source);
    if (lastKey !== null && Object.is(next, lastRaw)) return value;
    lastRaw = next;
    const key = JSON.stringify(next);
    if (key !== lastKey) {
      lastKey = key;
      value = next;
    }
    return value;
  };
}

/**
 * A derivation cached per object (a task, an engine state): computed once per identity.
 *
 * @example
 * const resultOf = perObject((task: TaskState) => OptimizationResultSchema.safeParse(task.result));
 */
export function perObject<K extends object, T>(derive: (key: K) => T): (key: K) => T {
  const cache = new WeakMap<K, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = derive(key);
    cache.set(key, value);
    return value;
  };
}
