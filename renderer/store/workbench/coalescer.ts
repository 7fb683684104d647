/**
 * Collects items and hands them over in one call at most every `intervalMs`, so a burst of
 * stream batches becomes one store update (charts redraw ≤ 2×/s, not per event).
 *
 * @example
 * const rates = createCoalescer<PerformanceSummary>(500, (summaries) => set(...));
 * rates.push(summary);
 */
export interface Coalescer<T> {
  push(item: T): void;
  /** Hands over what is pending now. */
  flush(): void;
}

export function createCoalescer<T>(intervalMs: number, deliver: (items: T[]) => void): Coalescer<T> {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    deliver(items);
  };
  return {
    push(item) {
      pending.push(item);
      timer ??= setTimeout(flush, intervalMs);
    },
    flush
  };
}
