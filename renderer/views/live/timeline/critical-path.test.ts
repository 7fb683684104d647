import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineId } from '../../../../shared/events';
import { makeEvent } from '../../../store/live/test-events';
import { buildCausalTree } from './causal-tree';
import { criticalPath } from './critical-path';

let seq = 0;
/** A hop of a hand-built chain: `engine`'s output caused by `cause`, waiting `waitMs`, computing `durationMs`. */
function hop(id: string, cause: string | null, engine: EngineId, waitMs: number, durationMs: number, endMs = ++seq): EngineEvent {
  return makeEvent(
    ++seq,
    'engine_output',
    { engineId: engine, version: 1, outputs: {}, changedFields: [], durationMs, degradedBy: [] },
    { eventId: id, causationId: cause, sourceEngine: engine, timestamp: 1000 + endMs, queueWaitMs: waitMs, correlationId: 'c' }
  );
}

function root(): EngineEvent {
  return makeEvent(++seq, 'configuration_changed', { version: 2, previousVersion: 1, configuration: {} }, { eventId: 'root', correlationId: 'c', queueWaitMs: 1, timestamp: 1000 });
}

describe('criticalPath', () => {
  it('follows the slower of two parallel branches and names the engine that took longest on it', () => {
    const path = criticalPath(
      buildCausalTree([
        root(),
        hop('design', 'root', 'design', 2, 10),
        hop('propulsion', 'design', 'propulsion', 1, 50),
        hop('materials', 'design', 'materials', 1, 5),
        hop('aerodynamics', 'materials', 'aerodynamics', 1, 100)
      ])
    );
    expect(path?.eventIds).toEqual(['root', 'design', 'materials', 'aerodynamics']);
    expect(path?.totalMs).toBe(1 + 12 + 6 + 101);
    expect(path?.boundingEngine).toBe('aerodynamics');
    expect(path?.boundingMs).toBe(101);
  });

  it('sums an engine\'s hops on the path: two short ones can outweigh one longer one', () => {
    const path = criticalPath(
      buildCausalTree([root(), hop('d1', 'root', 'design', 0, 30), hop('s', 'd1', 'sensors', 0, 40), hop('d2', 's', 'design', 0, 30)])
    );
    expect(path?.eventIds).toEqual(['root', 'd1', 's', 'd2']);
    // The root configuration change is design's too (1 ms in the queue).
    expect([path?.boundingEngine, path?.boundingMs]).toEqual(['design', 61]);
  });

  it('breaks a tie of cost by the event that ended later, then by row order', () => {
    const later = criticalPath(buildCausalTree([root(), hop('a', 'root', 'propulsion', 0, 20, 5), hop('b', 'root', 'sensors', 0, 20, 9)]));
    expect(later?.eventIds).toEqual(['root', 'b']);
    const same = criticalPath(buildCausalTree([root(), hop('a', 'root', 'propulsion', 0, 20, 7), hop('b', 'root', 'sensors', 0, 20, 7)]));
    expect(same?.eventIds).toEqual(['root', 'a']);
  });

  it('is null when no hop reports any time, or for no events', () => {
    expect(criticalPath(buildCausalTree([root(), hop('a', 'root', 'design', 0, 0)]).map((row) => ({ ...row, queueWaitMs: null })))).toBeNull();
    expect(criticalPath([])).toBeNull();
  });
});
