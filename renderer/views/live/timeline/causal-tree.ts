import type { EngineEvent } from '../../../../shared/events';

/** One row of a causal chain drawn as a tree (Jaeger-like). */
export interface CausalRow {
  event: EngineEvent;
  depth: number;
  /** Milliseconds from the root event. */
  offsetMs: number;
  /** The compute time the event reports (an engine output's, an analysis's, a task's), when it does. */
  durationMs: number | null;
  /** How long the event waited in the bus queue (`queueWaitMs`), once delivered. */
  queueWaitMs: number | null;
  /** True when the event's cause is not among the chain's events (attached under the root). */
  orphan: boolean;
  childCount: number;
}

/** The duration an event's payload reports, for the types that report one. */
function reportedDurationMs(event: EngineEvent): number | null {
  switch (event.eventType) {
    case 'engine_output':
    case 'analysis_completed':
    case 'optimization_completed':
    case 'optimization_cancelled':
    case 'simulation_completed':
    case 'simulation_cancelled':
      return event.data.durationMs;
    default:
      return null;
  }
}

/**
 * Orders a chain's events as a tree by `causationId`, depth first, children in log order. The root
 * is the earliest event without a known cause; events whose cause is missing (or that only a
 * cycle could reach) hang under the root, so every event appears exactly once and a cycle in
 * bad data cannot loop.
 *
 * @example
 * buildCausalTree(events).map((row) => `${'  '.repeat(row.depth)}${row.event.eventType}`);
 */
export function buildCausalTree(events: readonly EngineEvent[]): CausalRow[] {
  if (events.length === 0) return [];
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const byId = new Map(sorted.map((e) => [e.eventId, e]));
  const root = sorted.find((e) => e.causationId === null || !byId.has(e.causationId)) ?? (sorted[0] as EngineEvent);
  const children = new Map<string, EngineEvent[]>();
  const orphans = new Set<string>();
  const addChild = (parentId: string, event: EngineEvent): void => {
    const list = children.get(parentId) ?? [];
    list.push(event);
    children.set(parentId, list);
  };
  for (const event of sorted) {
    if (event === root) continue;
    if (event.causationId !== null && byId.has(event.causationId) && event.causationId !== event.eventId) {
      addChild(event.causationId, event);
    } else {
      orphans.add(event.eventId);
      addChild(root.eventId, event);
    }
  }

  const rows: CausalRow[] = [];
  const visited = new Set<string>();
  const visit = (event: EngineEvent, depth: number): void => {
    visited.add(event.eventId);
    const kids = (children.get(event.eventId) ?? []).filter((k) => !visited.has(k.eventId));
    rows.push({
      event,
      depth,
      offsetMs: event.timestamp - root.timestamp,
      durationMs: reportedDurationMs(event),
      queueWaitMs: event.queueWaitMs ?? null,
      orphan: orphans.has(event.eventId),
      childCount: kids.length
    });
    for (const kid of kids) if (!visited.has(kid.eventId)) visit(kid, depth + 1);
  };
  visit(root, 0);
  // Events only reachable through a cycle: attach them under the root.
  for (const event of sorted) {
    if (visited.has(event.eventId)) continue;
    orphans.add(event.eventId);
    visit(event, 1);
  }
  return rows;
}
