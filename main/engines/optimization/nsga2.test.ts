import { describe, expect, it } from 'vitest';
import type { DesignSpace, Genome } from './design-space';
import { runNsga2, type Nsga2Progress } from './nsga2';
import type { Evaluation } from './pareto';

const zdt1Space: DesignSpace = Array.from({ length: 30 }, (_, i) => ({
  kind: 'real' as const,
  name: `x${i + 1}`,
  min: 0,
  max: 1
}));

/** ZDT1 (Zitzler, Deb & Thiele 2000): true front f2 = 1 - sqrt(f1) for f1 in [0, 1]. */
function zdt1(genome: Genome): Evaluation {
  const f1 = genome[0] ?? 0;
  const tail = genome.slice(1).reduce((sum, x) => sum + x, 0);
  const g = 1 + (9 * tail) / (genome.length - 1);
  return { objectives: [f1, g * (1 - Math.sqrt(f1 / g))], constraintViolation: 0, valid: true };
}

const smallZdt1 = (seed: number, extra: Partial<Parameters<typeof runNsga2>[0]> = {}) =>
  runNsga2({
    space: zdt1Space,
    evaluate: zdt1,
    populationSize: 20,
    generations: 10,
    seed,
    ...extra
  });

describe('runNsga2', () => {
  it('is deterministic for a seed and differs for another seed', async () => {
    const a = await smallZdt1(11);
    const b = await smallZdt1(11);
    const c = await smallZdt1(12);
    expect(a.front.map((p) => p.genome)).toEqual(b.front.map((p) => p.genome));
    expect(a.evaluations).toBe(b.evaluations);
    expect(a.front.map((p) => p.genome)).not.toEqual(c.front.map((p) => p.genome));
  });

  it('converges close to the true ZDT1 front', async () => {
    const result = await runNsga2({
      space: zdt1Space,
      evaluate: zdt1,
      populationSize: 100,
      generations: 250,
      seed: 2024,
      crossoverRate: 0.9,
      mutationRate: 1 / 30
    });
    const points = result.front.map((p) => p.objectives);
    const gaps = points.map(([f1 = 0, f2 = 0]) => Math.abs(f2 - (1 - Math.sqrt(f1))));
    const meanGap = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    expect(meanGap).toBeLessThan(0.01);
    expect(points.length).toBeGreaterThan(50);
    const f1Values = points.map(([f1 = 0]) => f1);
    expect(Math.min(...f1Values)).toBeLessThan(0.05);
    expect(Math.max(...f1Values)).toBeGreaterThan(0.9);
    const largestGap = Math.max(
      ...points.slice(1).map(([f1 = 0, f2 = 0], i) => {
        const [p1 = 0, p2 = 0] = points[i] ?? [];
        return Math.hypot(f1 - p1, f2 - p2);
      })
    );
    expect(largestGap).toBeLessThan(0.06);
    expect(result.front.every((p) => p.rank === 0 && p.valid)).toBe(true);
    expect(result.cancelled).toBe(false);
    expect(result.generations).toBe(250);
  });

  it('keeps only feasible designs on the front of a constrained problem (CONSTR)', async () => {
    const space: DesignSpace = [
      { kind: 'real', name: 'x1', min: 0.1, max: 1 },
      { kind: 'real', name: 'x2', min: 0, max: 5 }
    ];
    // CONSTR (Deb 2001): min x1 and (1 + x2) / x1 with x2 + 9 x1 >= 6 and -x2 + 9 x1 >= 1.
    const evaluate = ([x1 = 0, x2 = 0]: Genome): Evaluation => ({
      objectives: [x1, (1 + x2) / x1],
      constraintViolation: Math.max(0, 6 - x2 - 9 * x1) + Math.max(0, 1 + x2 - 9 * x1),
      valid: true
    });
    const result = await runNsga2({
      space,
      evaluate,
      populationSize: 60,
      generations: 80,
      seed: 5
    });
    expect(result.front.length).toBeGreaterThan(20);
    const deviations = result.front.map((point) => {
      const [f1 = 0, f2 = 0] = point.objectives;
      expect(point.constraintViolation).toBe(0);
      expect(f1).toBeGreaterThanOrEqual(7 / 18 - 1e-9);
      const trueF2 = f1 < 2 / 3 ? (7 - 9 * f1) / f1 : 1 / f1;
      return Math.abs(f2 - trueF2) / trueF2;
    });
    expect(deviations.reduce((sum, d) => sum + d, 0) / deviations.length).toBeLessThan(0.03);
    expect(Math.max(...deviations)).toBeLessThan(0.2);
    const f1Values = result.front.map((p) => p.objectives[0] ?? 0);
    expect(Math.min(...f1Values)).toBeLessThan(0.45);
    expect(Math.max(...f1Values)).toBeGreaterThan(0.95);
  });

  it('finds the known best combination in a discrete space with an infeasible trap', async () => {
    const space: DesignSpace = [
      { kind: 'choice', name: 'engine', options: ['F100', 'F110', 'F119', 'F135'] },
      { kind: 'choice', name: 'material', options: ['aluminium', 'titanium', 'cfrp'] },
      { kind: 'choice', name: 'coating', options: ['none', 'ram'] },
      { kind: 'integer', name: 'hardpoints', min: 0, max: 10 }
    ];
    const engineMassT = [1.7, 1.8, 1.4, 1.7];
    const engineCost = [5, 6, 4, 8];
    const materialMassT = [3, 4, 2];
    const materialCost = [2, 3, 1.5];
    const evaluate = ([engine = 0, material = 0, coating = 0, hardpoints = 0]: Genome) => ({
      objectives: [
        (engineMassT[engine] ?? 0) +
          (materialMassT[material] ?? 0) +
          0.2 * coating +
          0.1 * hardpoints,
        (engineCost[engine] ?? 0) + (materialCost[material] ?? 0) + coating + 0.2 * hardpoints
      ],
      constraintViolation: (coating === 1 ? 0 : 1) + Math.max(0, 4 - hardpoints),
      valid: true
    });
    const result = await runNsga2({
      space,
      evaluate,
      populationSize: 20,
      generations: 30,
      seed: 9
    });
    expect(result.front.map((p) => p.decoded)).toEqual([
      { engine: 'F119', material: 'cfrp', coating: 'ram', hardpoints: 4 }
    ]);
    expect(result.cacheHits).toBeGreaterThan(0);
    expect(result.evaluations).toBeLessThanOrEqual(4 * 3 * 2 * 11);
  });

  it('stops on abort with cancelled: true and the best front so far', async () => {
    const controller = new AbortController();
    const result = await smallZdt1(3, {
      generations: 100,
      signal: controller.signal,
      onProgress: ({ generation }) => {
        if (generation === 3) controller.abort();
      }
    });
    expect(result.cancelled).toBe(true);
    expect(result.generations).toBe(3);
    expect(result.front.length).toBeGreaterThan(0);
  });

  it('returns at once when the signal is already aborted', async () => {
    const result = await smallZdt1(3, { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ cancelled: true, generations: 0, evaluations: 0, front: [] });
  });

  it('reports progress with increasing generations and lets the event loop run', async () => {
    const reports: Nsga2Progress[] = [];
    let immediateRan = false;
    setImmediate(() => {
      immediateRan = true;
    });
    let immediateSeenBeforeEnd = false;
    await smallZdt1(4, {
      generations: 15,
      onProgress: (progress) => {
        reports.push(progress);
        immediateSeenBeforeEnd ||= immediateRan;
      }
    });
    expect(reports.map((r) => r.generation)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(reports.every((r) => r.generations === 15 && r.front.length > 0)).toBe(true);
    const evaluations = reports.map((r) => r.evaluations);
    expect(evaluations).toEqual([...evaluations].sort((a, b) => a - b));
    expect(immediateSeenBeforeEnd).toBe(true);
  });

  it('marks designs with non-finite objectives invalid and keeps them off the front', async () => {
    const result = await runNsga2({
      space: [{ kind: 'real', name: 'x', min: -1, max: 1 }],
      evaluate: ([x = 0]) => ({
        objectives: [x < 0 ? Number.NaN : x, x < 0 ? 0 : (x - 1) ** 2],
        constraintViolation: 0,
        valid: true
      }),
      populationSize: 20,
      generations: 10,
      seed: 1
    });
    expect(result.front.length).toBeGreaterThan(0);
    expect(result.front.every((p) => p.valid && (p.genome[0] ?? -1) >= 0)).toBe(true);
  });

  it('rejects a bad design space', async () => {
    await expect(
      runNsga2({
        space: [{ kind: 'choice', name: 'engine', options: [] }],
        evaluate: () => ({ objectives: [0], constraintViolation: 0, valid: true }),
        populationSize: 10,
        generations: 1,
        seed: 1
      })
    ).rejects.toThrow(/engine/);
  });
});
