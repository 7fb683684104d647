import { describe, expect, it } from 'vitest';
import { projectAll } from '../../../../shared/projection';
import { TestLog } from '../../../store/session/test-log';
import type { ComparedSide } from '../../../store/viewed';
import { compareStates } from './state-comparison';

function side(label: string, log: TestLog, upToSeq: number): ComparedSide {
  const events = log.events.slice(0, upToSeq);
  return { label, asOfSeq: upToSeq, events: events.length, state: projectAll(events) };
}

function designOutput(log: TestLog, version: number, emptyMassKg: number, massBreakdownKg: Record<string, number>): TestLog {
  return log.add('engine_output', { engineId: 'design', version, outputs: { emptyMassKg, massBreakdownKg, valid: true }, changedFields: [], durationMs: 1, degradedBy: [] }, { sourceEngine: 'design' });
}

describe('compareStates', () => {
  it('compares counts, the configuration and each engine\'s outputs of two points of a session', () => {
    const log = new TestLog().start().configure('Raptor');
    designOutput(log, 1, 19_700, { structure: 4000, engines: 3400 }).violation('opened', 'v1');
    const atV1 = log.events.length;
    log.configure('Raptor lighter');
    designOutput(log, 2, 19_500, { structure: 3800, engines: 3400 });
    const comparison = compareStates(side('v1', log, atV1), side('v2', log, log.events.length));

    expect(comparison.counts).toEqual([
      { label: 'Events', a: 4, b: 6 },
      { label: 'Configuration version', a: 1, b: 2 },
      { label: 'Open violations', a: 1, b: 1 },
      { label: 'Resolved violations', a: 0, b: 0 },
      { label: 'Errors', a: 0, b: 0 }
    ]);
    expect(comparison.configuration).toEqual([{ path: 'name', kind: 'changed', before: 'Raptor', after: 'Raptor lighter' }]);
    const design = comparison.engines.find((engine) => engine.engineId === 'design');
    expect([design?.versionA, design?.versionB]).toEqual([1, 2]);
    expect(design?.changes.map((c) => [c.field, c.before, c.after, c.unit])).toEqual([
      ['emptyMassKg', '19,700', '19,500', 'kg'],
      ['massBreakdownKg', '{"structure":4000,"engines":3400}', '{"structure":3800,"engines":3400}', 'kg']
    ]);
    expect(design?.changes[1]?.nested.map((entry) => entry.path)).toEqual(['structure']);
    // Engines that never computed have nothing to differ.
    expect(comparison.engines.find((engine) => engine.engineId === 'materials')?.changes).toEqual([]);
  });

  it('has no configuration diff when a side has no configuration yet', () => {
    const log = new TestLog().start().configure();
    expect(compareStates(side('start', log, 1), side('v1', log, 2)).configuration).toBeNull();
  });
});
