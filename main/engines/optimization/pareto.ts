/** What an evaluation says about one design; every objective is minimised. */
export interface Evaluation {
  readonly objectives: readonly number[];
  /** 0 = feasible; larger = further from feasible. */
  readonly constraintViolation: number;
  /** False when the design could not be evaluated at all; it then loses to every valid one. */
  readonly valid: boolean;
}

/** True when every objective of `a` is <= that of `b` and at least one is strictly smaller. */
export function paretoDominates(a: readonly number[], b: readonly number[]): boolean {
  let strictlyBetter = false;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i] ?? Number.POSITIVE_INFINITY;
    const bi = b[i] ?? Number.POSITIVE_INFINITY;
    if (ai > bi) return false;
    if (ai < bi) strictlyBetter = true;
  }
  return strictlyBetter;
}

/**
 * Deb's constraint-domination: a valid design beats an invalid one, a feasible one beats an
 * infeasible one, of two infeasible ones the smaller violation wins, and two feasible ones
 * compare by Pareto dominance.
 */
export function constrainedDominates(a: Evaluation, b: Evaluation): boolean {
  if (!a.valid) return false;
  if (!b.valid) return true;
  const aFeasible = a.constraintViolation <= 0;
  const bFeasible = b.constraintViolation <= 0;
  if (aFeasible && !bFeasible) return true;
  if (!aFeasible) return !bFeasible && a.constraintViolation < b.constraintViolation;
  return paretoDominates(a.objectives, b.objectives);
}

/**
 * Both directions of `constrainedDominates` in one pass: 1 when `a` dominates `b`, -1 when `b`
 * dominates `a`, 0 when neither does. The sort compares every pair, so one pass instead of two
 * halves its cost.
 */
export function constrainedDominance(a: Evaluation, b: Evaluation): 1 | 0 | -1 {
  if (a.valid !== b.valid) return a.valid ? 1 : -1;
  if (!a.valid) return 0;
  const aFeasible = a.constraintViolation <= 0;
  const bFeasible = b.constraintViolation <= 0;
  if (aFeasible !== bFeasible) return aFeasible ? 1 : -1;
  if (!aFeasible) return a.constraintViolation < b.constraintViolation ? 1 : b.constraintViolation < a.constraintViolation ? -1 : 0;
  let aBetter = false;
  let bBetter = false;
  const ao = a.objectives;
  const bo = b.objectives;
  for (let i = 0; i < ao.length; i++) {
    const ai = ao[i] ?? Number.POSITIVE_INFINITY;
    const bi = bo[i] ?? Number.POSITIVE_INFINITY;
    if (ai < bi) aBetter = true;
    else if (ai > bi) bBetter = true;
    if (aBetter && bBetter) return 0;
  }
  return aBetter ? 1 : bBetter ? -1 : 0;
}

/**
 * Fast non-dominated sort (Deb et al. 2002) under constraint-domination.
 * Returns the fronts best first, each as indices into `items`; front 0 is the non-dominated set.
 *
 * @example
 * fastNonDominatedSort(points)[0]; // indices of the rank-0 designs
 */
export function fastNonDominatedSort(items: readonly Evaluation[]): number[][] {
  const dominated: number[][] = [];
  const dominationCount: number[] = [];
  for (let i = 0; i < items.length; i++) {
    dominated.push([]);
    dominationCount.push(0);
  }
  for (let p = 0; p < items.length; p++) {
    const a = items[p] as Evaluation;
    const dominatedByA = dominated[p] as number[];
    for (let q = p + 1; q < items.length; q++) {
      const b = items[q] as Evaluation;
      const dominance = constrainedDominance(a, b);
      if (dominance === 1) {
        dominatedByA.push(q);
        dominationCount[q] = (dominationCount[q] as number) + 1;
      } else if (dominance === -1) {
        (dominated[q] as number[]).push(p);
        dominationCount[p] = (dominationCount[p] as number) + 1;
      }
    }
  }
  const fronts: number[][] = [];
  let current: number[] = [];
  dominationCount.forEach((count, index) => {
    if (count === 0) current.push(index);
  });
  while (current.length > 0) {
    fronts.push(current);
    const next: number[] = [];
    for (const p of current) {
      for (const q of dominated[p] as number[]) {
        const remaining = (dominationCount[q] as number) - 1;
        dominationCount[q] = remaining;
        if (remaining === 0) next.push(q);
      }
    }
    current = next;
  }
  return fronts;
}

/**
 * Crowding distance of each member of one front (Deb et al. 2002): the normalised perimeter of
 * the box spanned by its neighbours per objective; boundary members get Infinity. Invalid
 * designs get 0. Returned in the order of `front`.
 */
export function crowdingDistances(
  items: readonly Evaluation[],
  front: readonly number[]
): number[] {
  const distance = new Array<number>(front.length).fill(0);
  const ranked = front.map((itemIndex, position) => ({
    item: items[itemIndex] as Evaluation,
    position
  }));
  const usable = ranked.filter(({ item }) => item.valid);
  const objectiveCount = usable[0]?.item.objectives.length ?? 0;
  for (let m = 0; m < objectiveCount; m++) {
    const value = (entry: (typeof usable)[number]): number => entry.item.objectives[m] ?? 0;
    const sorted = [...usable].sort((a, b) => value(a) - value(b));
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if (!first || !last) continue;
    distance[first.position] = Number.POSITIVE_INFINITY;
    distance[last.position] = Number.POSITIVE_INFINITY;
    const range = value(last) - value(first);
    if (range <= 0) continue;
    for (let i = 1; i < sorted.length - 1; i++) {
      const entry = sorted[i] as (typeof sorted)[number];
      const gap = value(sorted[i + 1] as typeof entry) - value(sorted[i - 1] as typeof entry);
      distance[entry.position] = (distance[entry.position] ?? 0) + gap / range;
    }
  }
  return distance;
}
