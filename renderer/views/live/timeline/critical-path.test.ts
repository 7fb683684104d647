import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineId } from '../../../../shared/events';
import { makeEvent } from '../../../store/live/test-events';
import { buildCausalTree } from './causal-tree';
import { criticalPath } from './critical-path';

let seq = 0;
/** `engine`'s output, caused by `cause`, published `endMs` after the root, having waited `waitMs` and computed `durationMs`. */
function hop(id: string, cause: string, engine: EngineId, endMs: number, waitMs: number, durationMs: number): EngineEvent {
  return makeEvent(
    ++seq,
    'engine_output',
    { engineId: engine, version: 2, outputs: {}, changedFields: [], durationMs, degradedBy: [] },
    { eventId: id, causationId: cause, sourceEngine: engine, timestamp: 1000 + endMs, queueWaitMs: waitMs, correlationId: 'c' }
  );
}

function root(): EngineEvent {
  return makeEvent(++seq, 'configuration_changed', { version: 2, previousVersion: 1, configuration: {} }, { eventId: 'root', correlationId: 'c', queueWaitMs: 1, timestamp: 1000 });
}

describe('criticalPath', () => {
  it('follows the branch that ended last and names the engine whose hops took most of the time', () => {
    const path = criticalPath(
      buildCausalTree([
        root(),
        hop('design', 'root', 'design', 12, 2, 10),
        hop('propulsion', 'design', 'propulsion', 63, 1, 50),
        hop('materials', 'design', 'materials', 18, 1, 5),
        hop('aerodynamics', 'materials', 'aerodynamics', 120, 1, 100)
      ])
    );
    expect(path?.eventIds).toEqual(['root', 'design', 'materials', 'aerodynamics']);
    expect(path?.totalMs).toBe(120);
    // The last event's own wait comes after the end.
    expect(path?.workMs).toBe(1 + 12 + 6 + 100);
    expect([path?.boundingEngine, path?.boundingMs]).toEqual(['aerodynamics', 100]);
  });

  it("sums an engine's hops on the path: two short ones can outweigh one longer one", () => {
    const path = criticalPath(
      buildCausalTree([root(), hop('d1', 'root', 'design', 30, 0, 30), hop('s', 'd1', 'sensors', 70, 0, 40), hop('d2', 's', 'design', 100, 0, 30)])
    );
    expect(path?.eventIds).toEqual(['root', 'd1', 's', 'd2']);
    // The root configuration change is design's too (1 ms in the queue).
    expect([path?.boundingEngine, path?.boundingMs]).toEqual(['design', 61]);
  });

  it('counts an event\'s wait in the queue as its own engine\'s, as the rows show it', () => {
    // Aerodynamics' output waited 40 ms before manufacturing got it: the 45 ms chain is aerodynamics'.
    const path = criticalPath(buildCausalTree([root(), hop('aero', 'root', 'aerodynamics', 3, 40, 2), hop('mfg', 'aero', 'manufacturing', 45, 9, 1)]));
    expect([path?.boundingEngine, path?.boundingMs, path?.totalMs, path?.workMs]).toEqual(['aerodynamics', 42, 45, 44]);
  });

  it('breaks a tie of end time by the reported work, then by row order', () => {
    const moreWork = criticalPath(buildCausalTree([root(), hop('a', 'root', 'propulsion', 20, 0, 5), hop('b', 'root', 'sensors', 20, 0, 15)]));
    expect(moreWork?.eventIds).toEqual(['root', 'b']);
    const same = criticalPath(buildCausalTree([root(), hop('a', 'root', 'propulsion', 20, 0, 15), hop('b', 'root', 'sensors', 20, 0, 15)]));
    expect(same?.eventIds).toEqual(['root', 'a']);
    // Two engines owning the same time on the path: the one reached first is named.
    const even = criticalPath(buildCausalTree([root(), hop('a', 'root', 'propulsion', 10, 0, 10), hop('b', 'a', 'sensors', 20, 0, 10)]));
    expect(even?.boundingEngine).toBe('propulsion');
  });

  it('is null for a chain that took no time, or no events', () => {
    expect(criticalPath(buildCausalTree([root(), hop('a', 'root', 'design', 0, 0, 0)]).map((row) => ({ ...row, queueWaitMs: null })))).toBeNull();
    expect(criticalPath([])).toBeNull();
  });
});
