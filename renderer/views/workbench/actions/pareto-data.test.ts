import { describe, it, expect } from 'vitest';
import type { FrontDesign } from '../../../../shared/results';
import { axisLabel, defaultAxes, objectiveKeys, paretoPoints, snapshotPoints } from './pareto-data';

const design = (objectives: Record<string, number>, figures: Record<string, number> = {}): FrontDesign =>
  ({ genes: {}, objectives, figures, configuration: {} }) as unknown as FrontDesign;

describe('pareto data', () => {
  const objectives = [
    { name: 'takeoffMassKg', unit: 'kg', sense: 'min' as const },
    { name: 'frontalRcsDbsm', unit: 'dBsm', sense: 'min' as const },
    { name: 'combatRadiusKm', unit: 'km', sense: 'max' as const },
    { name: 'unitFlyawayCostMUSD', unit: 'M USD', sense: 'min' as const }
  ];

  it('takes the first two objectives as default axes', () => {
    expect(defaultAxes(objectiveKeys(objectives, []))).toEqual({ x: 'takeoffMassKg', y: 'frontalRcsDbsm' });
    expect(defaultAxes(['only'])).toEqual({ x: 'only', y: 'only' });
    expect(objectiveKeys([], [design({ a: 1, b: 2 })])).toEqual(['a', 'b']);
  });

  it('places designs on the chosen axes, falling back to figures and skipping gaps', () => {
    const front = [design({ takeoffMassKg: 30000, frontalRcsDbsm: -30 }), design({ takeoffMassKg: 31000 }, { frontalRcsDbsm: -20 }), design({ takeoffMassKg: 32000 })];
    expect(paretoPoints(front, 'takeoffMassKg', 'frontalRcsDbsm')).toEqual([
      { x: 30000, y: -30, index: 0 },
      { x: 31000, y: -20, index: 1 }
    ]);
  });

  it('reads intermediate fronts and labels axes with their sense', () => {
    expect(snapshotPoints([{ a: 1, b: 2 }, { a: 3 }], 'a', 'b')).toEqual([{ x: 1, y: 2 }]);
    expect(axisLabel('frontalRcsDbsm', objectives)).toBe('frontalRcsDbsm (lower is better)');
    expect(axisLabel('combatRadiusKm', objectives)).toBe('combatRadiusKm (higher is better)');
    expect(axisLabel('other', objectives)).toBe('other');
  });
});
