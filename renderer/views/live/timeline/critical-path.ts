import type { CausalRow } from './causal-tree';

/** The hops of a causal chain that bound its end time, and the engine that took most of it. */
export interface CriticalPath {
  /** Root first, one per hop. */
  eventIds: string[];
  /** When the path's last event was published, from the root: the chain's end time. */
  totalMs: number;
  /** Queue wait + handler time the path's events report (the rest is time between them: scheduling, waiting on other inputs). */
  workMs: number;
  /** The engine whose hops took the most of `totalMs` (a hop is owned by its event's source engine). */
  boundingEngine: string;
  boundingMs: number;
}

/** What a hop reports it spent: the time its event waited in the bus queue plus the handler time. */
export function hopWorkMs(row: CausalRow): number {
  return (row.queueWaitMs ?? 0) + (row.durationMs ?? 0);
}

/**
 * The critical path of a causal tree (rows as `buildCausalTree` orders them: depth first, each
 * row under the nearest shallower one before it): the chain of causes of the event published
 * last, since no event ends before the hops that caused it. Each hop owns the time from its
 * cause's publication to its own; the engine owning the most bounded the total. A tie of end
 * time goes to the path that reports more queue wait + handler time, then to the first in row
 * order. Null when the chain took no time.
 *
 * @example
 * const path = criticalPath(buildCausalTree(events));
 * path && `bounded by ${path.boundingEngine}: ${path.boundingMs} ms of ${path.totalMs} ms`;
 */
export function criticalPath(rows: readonly CausalRow[]): CriticalPath | null {
  const parentOf: (number | null)[] = [];
  const workTo: number[] = [];
  const ancestors: number[] = [];
  let end = -1;
  rows.forEach((row, index) => {
    ancestors.length = Math.min(ancestors.length, row.depth);
    const parent = ancestors.length > 0 ? (ancestors[ancestors.length - 1] ?? null) : null;
    parentOf.push(parent);
    workTo.push((parent === null ? 0 : (workTo[parent] ?? 0)) + hopWorkMs(row));
    ancestors.push(index);
    const best = rows[end];
    if (!best || row.offsetMs > best.offsetMs || (row.offsetMs === best.offsetMs && (workTo[index] ?? 0) > (workTo[end] ?? 0))) end = index;
  });
  const last = rows[end];
  if (!last || (last.offsetMs <= 0 && (workTo[end] ?? 0) <= 0)) return null;

  const path: number[] = [];
  for (let at: number | null = end; at !== null; at = parentOf[at] ?? null) path.unshift(at);
  const byEngine = new Map<string, number>();
  for (const index of path) {
    const row = rows[index] as CausalRow;
    const parent = parentOf[index];
    const elapsedMs = Math.max(0, row.offsetMs - (parent === null || parent === undefined ? 0 : (rows[parent]?.offsetMs ?? 0)));
    byEngine.set(row.event.sourceEngine, (byEngine.get(row.event.sourceEngine) ?? 0) + elapsedMs);
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
  return { eventIds: path.map((index) => (rows[index] as CausalRow).event.eventId), totalMs: last.offsetMs, workMs: workTo[end] ?? 0, boundingEngine, boundingMs };
}
