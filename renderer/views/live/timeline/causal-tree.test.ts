import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../shared/events';
import { makeEvent } from '../../../store/live/test-events';
import { buildCausalTree } from './causal-tree';

/** A chain event at log position `t + 1`; with `durationMs` an engine output reporting it. */
function chainEvent(id: string, cause: string | null, t: number, durationMs?: number): EngineEvent {
  const envelope = { eventId: id, causationId: cause, timestamp: 1000 + t, correlationId: 'c', queueWaitMs: t / 10 };
  return durationMs === undefined
    ? makeEvent(t + 1, 'synthetic_load', { n: t }, envelope)
    : makeEvent(t + 1, 'engine_output', { engineId: id, version: 1, outputs: {}, changedFields: [], durationMs, degradedBy: [] }, envelope);
}

describe('buildCausalTree', () => {
  it('indents each event under its cause with offsets from the root', () => {
    const rows = buildCausalTree([
      chainEvent('out-materials', 'out-design', 5, 0.7),
      chainEvent('root', null, 0),
      chainEvent('out-design', 'root', 2, 1.2),
      chainEvent('status', 'root', 1)
    ]);
    expect(rows.map((r) => [r.event.eventId, r.depth, r.offsetMs])).toEqual([
      ['root', 0, 0],
      ['status', 1, 1],
      ['out-design', 1, 2],
      ['out-materials', 2, 5]
    ]);
    expect(rows[2]?.durationMs).toBe(1.2);
    expect(rows[1]?.durationMs).toBeNull();
    expect(rows[3]?.queueWaitMs).toBe(0.5);
    expect(rows[0]?.childCount).toBe(2);
  });

  it('attaches orphans (cause not in the chain) to the root', () => {
    const rows = buildCausalTree([chainEvent('root', null, 0), chainEvent('lost', 'missing', 3)]);
    expect(rows.map((r) => [r.event.eventId, r.depth, r.orphan])).toEqual([
      ['root', 0, false],
      ['lost', 1, true]
    ]);
  });

  it('lists every event exactly once even when causes form a cycle', () => {
    const rows = buildCausalTree([
      chainEvent('root', null, 0),
      chainEvent('a', 'b', 1),
      chainEvent('b', 'a', 2),
      chainEvent('self', 'self', 3)
    ]);
    expect(rows.map((r) => r.event.eventId).sort()).toEqual(['a', 'b', 'root', 'self']);
    expect(rows[0]?.event.eventId).toBe('root');
    expect(rows.every((r) => r.depth <= 2)).toBe(true);
  });

  it('returns nothing for no events', () => {
    expect(buildCausalTree([])).toEqual([]);
  });
});
