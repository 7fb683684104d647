import { describe, expect, it } from 'vitest';
import { describeOutputChange, outputChanges } from './output-changes';

const base = { version: 2, durationMs: 3, degradedBy: [] };

describe('outputChanges', () => {
  it('shows each changed figure before → after with the unit its schema gives, biggest relative change first', () => {
    const changes = outputChanges({
      ...base,
      engineId: 'aerodynamics',
      outputs: { maxMach: 1.76, combatRadiusKm: 1210.4, cd0: 0.0182 },
      previousValues: { maxMach: 1.82, combatRadiusKm: 1211, cd0: 0.0182 },
      changedFields: ['combatRadiusKm', 'maxMach']
    });
    expect(changes.map((c) => [c.field, c.before, c.after, c.unit, c.delta])).toEqual([
      ['maxMach', '1.82', '1.76', 'Mach', '−0.06'],
      ['combatRadiusKm', '1,211', '1,210', 'km', '−0.6']
    ]);
    expect(changes[0]?.meaning).toMatch(/level-flight Mach/);
    // A small change of a small figure keeps its significant digits.
    expect(outputChanges({ ...base, engineId: 'aerodynamics', outputs: { cd0: 0.01215 }, previousValues: { cd0: 0.01224 }, changedFields: ['cd0'] })[0]?.delta).toBe('−0.00009');
    expect(describeOutputChange(changes[0]!)).toBe('maxMach 1.82 → 1.76 Mach');
  });

  it('diffs a nested value by the keys that changed', () => {
    const [change] = outputChanges({
      ...base,
      engineId: 'design',
      outputs: { massBreakdownKg: { platform: 9000, structure: 4100, engines: 3500 } },
      previousValues: { massBreakdownKg: { platform: 9000, structure: 4000, engines: 3400 } },
      changedFields: ['massBreakdownKg']
    });
    expect(change?.kind).toBe('nested');
    expect(change?.unit).toBe('kg');
    expect(change?.nested.map((e) => [e.path, e.before, e.after])).toEqual([
      ['structure', 4000, 4100],
      ['engines', 3400, 3500]
    ]);
    expect(describeOutputChange(change!)).toBe('massBreakdownKg: structure, engines changed');
  });

  it('has no "before" for an event recorded without previous values, nor for a field that is new', () => {
    const old = outputChanges({ ...base, engineId: 'aerodynamics', outputs: { maxMach: 1.7 }, changedFields: ['maxMach'] });
    expect(old[0]?.before).toBeNull();
    expect(describeOutputChange(old[0]!)).toBe('maxMach 1.7 Mach');
    const added = outputChanges({ ...base, engineId: 'aerodynamics', outputs: { maxMach: 1.7 }, previousValues: {}, changedFields: ['maxMach'] });
    expect(added[0]?.before).toBeNull();
    expect(added[0]?.delta).toBeNull();
  });

  it('shows a changed flag or name as it is, with no unit', () => {
    const [change] = outputChanges({
      ...base,
      engineId: 'aerodynamics',
      outputs: { maxMachLimitedBy: 'inlet' },
      previousValues: { maxMachLimitedBy: 'thrust' },
      changedFields: ['maxMachLimitedBy']
    });
    expect(describeOutputChange(change!)).toBe('maxMachLimitedBy thrust → inlet');
  });
});
