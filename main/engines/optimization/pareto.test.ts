import { describe, expect, it } from 'vitest';
import {
  constrainedDominance,
  constrainedDominates,
  crowdingDistances,
  fastNonDominatedSort,
  paretoDominates,
  type Evaluation
} from './pareto';

const point = (objectives: number[], constraintViolation = 0, valid = true): Evaluation => ({
  objectives,
  constraintViolation,
  valid
});

describe('paretoDominates', () => {
  it('needs no worse objectives and one strictly better', () => {
    expect(paretoDominates([1, 2], [1, 3])).toBe(true);
    expect(paretoDominates([1, 3], [1, 3])).toBe(false);
    expect(paretoDominates([0, 4], [1, 3])).toBe(false);
  });
});

describe('constrainedDominates', () => {
  it('ranks valid > feasible > less violating', () => {
    expect(constrainedDominates(point([9, 9]), point([0, 0], 0.1))).toBe(true);
    expect(constrainedDominates(point([9, 9], 0.1), point([0, 0], 0.2))).toBe(true);
    expect(constrainedDominates(point([0, 0], 0.2), point([9, 9], 0.1))).toBe(false);
    expect(constrainedDominates(point([9, 9], 5), point([0, 0], 0, false))).toBe(true);
    expect(constrainedDominates(point([0, 0], 0, false), point([9, 9], 5))).toBe(false);
  });
});

describe('fastNonDominatedSort', () => {
  it('splits points into successive fronts', () => {
    const items = [point([1, 4]), point([2, 2]), point([4, 1]), point([3, 3]), point([5, 5])];
    expect(fastNonDominatedSort(items)).toEqual([[0, 1, 2], [3], [4]]);
  });

  it('puts every infeasible point behind the feasible ones', () => {
    const items = [point([0, 0], 1), point([5, 5]), point([0, 1], 0.5)];
    expect(fastNonDominatedSort(items)).toEqual([[1], [2], [0]]);
  });
});

describe('crowdingDistances', () => {
  it('gives the extremes infinity and the inner points their normalised box', () => {
    const items = [point([0, 4]), point([1, 2]), point([2, 1]), point([4, 0])];
    const distance = crowdingDistances(items, [0, 1, 2, 3]);
    expect(distance[0]).toBe(Number.POSITIVE_INFINITY);
    expect(distance[3]).toBe(Number.POSITIVE_INFINITY);
    expect(distance[1]).toBeCloseTo(2 / 4 + 3 / 4);
    expect(distance[2]).toBeCloseTo(3 / 4 + 2 / 4);
  });

  it('one-pass dominance agrees with constrainedDominates both ways on random evaluations', () => {
    let seed = 7;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = (): Evaluation => ({
      objectives: [Math.floor(next() * 4), Math.floor(next() * 4), Math.floor(next() * 4)],
      constraintViolation: next() < 0.5 ? 0 : Math.floor(next() * 3),
      valid: next() > 0.1
    });
    for (let i = 0; i < 5000; i++) {
      const a = pick();
      const b = pick();
      const expected = constrainedDominates(a, b) ? 1 : constrainedDominates(b, a) ? -1 : 0;
      expect(constrainedDominance(a, b)).toBe(expected);
    }
  });
});
