import type { CausalRow } from './causal-tree';

/** The hops of a causal chain that bound its total time, and the engine that bounded it most. */
export interface CriticalPath {
  /** Root first, one per hop. */
  eventIds: string[];
  /** Queue wait + handler time summed along the path. */
  totalMs: number;
  /** The engine whose hops on the path took the most time (the event's source engine owns its hop). */
  boundingEngine: string;
  boundingMs: number;
}

/** One hop's cost: the time its event waited in the bus queue plus the handler time it reports. */
export function hopCostMs(row: CausalRow): number {
  return (row.queueWaitMs ?? 0) + (row.durationMs ?? 0);
}

/**
 * The critical path of a causal tree (rows as `buildCausalTree` orders them: depth first, each
 * row under the nearest shallower one before it): the root-to-event path with the largest summed
 * hop cost, since no event can end before the hops that caused it. A tie goes to the event that
 * ended later, then to the first in row order. Null when no hop reports any time.
 *
 * @example
 * const path = criticalPath(buildCausalTree(events));
 * path && `bounded by ${path.boundingEngine}: ${path.boundingMs} ms of ${path.totalMs} ms`;
 */
export function criticalPath(rows: readonly CausalRow[]): CriticalPath | null {
  const parentOf: (number | null)[] = [];
  const costTo: number[] = [];
  const ancestors: number[] = [];
  let end = -1;
  rows.forEach((row, index) => {
    ancestors.length = Math.min(ancestors.length, row.depth);
    const parent = ancestors.length > 0 ? (ancestors[ancestors.length - 1] ?? null) : null;
    parentOf.push(parent);
    costTo.push((parent === null ? 0 : (costTo[parent] ?? 0)) + hopCostMs(row));
    ancestors.push(index);
    const best = end < 0 ? null : rows[end];
    const cost = costTo[index] ?? 0;
    const bestCost = costTo[end] ?? 0;
    if (!best || cost > bestCost || (cost === bestCost && row.offsetMs > best.offsetMs)) end = index;
  });
  const totalMs = costTo[end] ?? 0;
  if (end < 0 || totalMs <= 0) return null;

  const path: CausalRow[] = [];
  for (let at: number | null = end; at !== null; at = parentOf[at] ?? null) path.unshift(rows[at] as CausalRow);
  const byEngine = new Map<string, number>();
  for (const row of path) byEngine.set(row.event.sourceEngine, (byEngine.get(row.event.sourceEngine) ?? 0) + hopCostMs(row));
  let boundingEngine = '';
  let boundingMs = -1;
  // Path order breaks a tie: the engine reached first bounded the time first.
  for (const [engine, ms] of byEngine) {
    if (ms > boundingMs) {
      boundingEngine = engine;
      boundingMs = ms;
    }
  }
  return { eventIds: path.map((row) => row.event.eventId), totalMs, boundingEngine, boundingMs };
}
