import { describe, expect, it } from 'vitest';
import { TEST_GRAPH } from '../testing/test-engines';
import { staleAfterChange } from './stale-after-change';
import type { EngineOutcome } from './types';

const deps = (id: string): readonly string[] => TEST_GRAPH[id] ?? [];

describe('staleAfterChange', () => {
  it('marks a failed engine stale as its own origin and a blocked one with the dependency path', () => {
    const outcomes: EngineOutcome[] = [
      { engineId: 'design', outcome: 'computed' },
      { engineId: 'materials', outcome: 'computed' },
      { engineId: 'propulsion', outcome: 'failed', error: 'thrust table missing' },
      { engineId: 'sensors', outcome: 'computed' },
      { engineId: 'aerodynamics', outcome: 'blocked' },
      { engineId: 'manufacturing', outcome: 'blocked' }
    ];
    const stale = staleAfterChange(outcomes, 4, 'ev', 'corr', deps);
    expect(stale.map((s) => s.engineId)).toEqual(['propulsion', 'aerodynamics', 'manufacturing']);
    expect(stale[0]).toMatchObject({ originEngine: 'propulsion', reason: 'could not compute configuration v4: thrust table missing' });
    expect(stale[1]?.chain.map((h) => [h.fromEngine, h.engineId, h.ruleId])).toEqual([
      ['propulsion', 'propulsion', 'compute'],
      ['propulsion', 'aerodynamics', 'depends_on']
    ]);
    expect(stale[2]?.reason).toBe('waits on propulsion, which could not compute configuration v4: thrust table missing');
    // Manufacturing depends on propulsion directly: the shortest path explains it.
    expect(stale[2]?.chain.map((h) => h.engineId)).toEqual(['propulsion', 'manufacturing']);
  });

  it('marks nothing when every engine computed', () => {
    const outcomes: EngineOutcome[] = Object.keys(TEST_GRAPH).map((engineId) => ({ engineId, outcome: 'computed' }));
    expect(staleAfterChange(outcomes, 1, 'ev', 'corr', deps)).toEqual([]);
  });
});
