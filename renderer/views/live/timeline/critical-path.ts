import type { CausalRow } from './causal-tree';

/** The hops of a causal chain that bound its end time, and the engine that took most of it. */
export interface CriticalPath {
  /** Root first, one per hop. */
  eventIds: string[];
  /** When the path's last event was published, from the root: the chain's end time. */
  totalMs: number;
  /** The queue wait and handler time the path reports before its end (the rest is time between hops: scheduling). */
  workMs: number;
  /** The engine whose hops on the path report the most queue wait + handler time (a hop is its event's source engine's). */
  boundingEngine: string;
  boundingMs: number;
}

function waitMs(row: CausalRow): number {
  return row.queueWaitMs ?? 0;
}

function handlerMs(row: CausalRow): number {
  return row.durationMs ?? 0;
}

/**
 * The critical path of a causal tree (rows as `buildCausalTree` orders them: depth first, each
 * row under the nearest shallower one before it): the chain of causes of the event published
 * last, since no event ends before the hops that caused it. Each hop counts the handler time
 * that produced its event and the time its event then waited in the bus queue, as the chain's
 * rows show them; the last event's wait comes after the end and does not count. The engine whose
 * hops count the most bounded the total. A tie of end time goes to the path that reports more
 * time, then to the first in row order. Null when the chain took no time.
 *
 * @example
 * const path = criticalPath(buildCausalTree(events));
 * path && `bounded by ${path.boundingEngine}: ${path.boundingMs} ms of ${path.totalMs} ms`;
 */
export function criticalPath(rows: readonly CausalRow[]): CriticalPath | null {
  const parentOf: (number | null)[] = [];
  // Handler time of the row and its ancestors, plus the queue wait of its ancestors.
  const workTo: number[] = [];
  const ancestors: number[] = [];
  let end = -1;
  rows.forEach((row, index) => {
    ancestors.length = Math.min(ancestors.length, row.depth);
    const parent = ancestors.length > 0 ? (ancestors[ancestors.length - 1] ?? null) : null;
    const parentRow = parent === null ? undefined : rows[parent];
    parentOf.push(parent);
    workTo.push((parent === null || !parentRow ? 0 : (workTo[parent] ?? 0) + waitMs(parentRow)) + handlerMs(row));
    ancestors.push(index);
    const best = rows[end];
    if (!best || row.offsetMs > best.offsetMs || (row.offsetMs === best.offsetMs && (workTo[index] ?? 0) > (workTo[end] ?? 0))) end = index;
  });
  const last = rows[end];
  const workMs = workTo[end] ?? 0;
  if (!last || (last.offsetMs <= 0 && workMs <= 0)) return null;

  const path: CausalRow[] = [];
  for (let at: number | null = end; at !== null; at = parentOf[at] ?? null) path.unshift(rows[at] as CausalRow);
  const byEngine = new Map<string, number>();
  for (const row of path) {
    const counted = handlerMs(row) + (row === last ? 0 : waitMs(row));
    byEngine.set(row.event.sourceEngine, (byEngine.get(row.event.sourceEngine) ?? 0) + counted);
  }
  let boundingEngine = '';
  let boundingMs = -1;
  // Path order breaks a tie: the engine reached first bounded the time first.
  for (const [engine, ms] of byEngine) {
    if (ms > boundingMs) {
      boundingEngine = engine;
      boundingMs = ms;
    }
  }
  return { eventIds: path.map((row) => row.event.eventId), totalMs: last.offsetMs, workMs, boundingEngine, boundingMs };
}
