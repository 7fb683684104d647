import type { FrontDesign, OptimizationObjective as Objective } from '../../../../shared/results';

/** A design of the front placed on the two chosen objective axes. */
export interface ParetoPoint {
  x: number;
  y: number;
  /** Index into the front. */
  index: number;
}

/** The objective keys to plot, in result order, falling back to the keys of the first design. */
export function objectiveKeys(objectives: readonly Objective[], front: readonly { objectives: Record<string, number> }[]): string[] {
  if (objectives.length > 0) return objectives.map((o) => o.name);
  return Object.keys(front[0]?.objectives ?? {});
}

/** The default axes: the first two objectives (the same key twice with a single objective). */
export function defaultAxes(keys: readonly string[]): { x: string; y: string } {
  return { x: keys[0] ?? '', y: keys[1] ?? keys[0] ?? '' };
}

/** Front designs with both chosen objectives as numbers, as scatter points. */
export function paretoPoints(front: readonly FrontDesign[], xKey: string, yKey: string): ParetoPoint[] {
  const points: ParetoPoint[] = [];
  front.forEach((design, index) => {
    const x = design.objectives[xKey] ?? design.figures[xKey];
    const y = design.objectives[yKey] ?? design.figures[yKey];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) points.push({ x, y, index });
  });
  return points;
}

/** Points of an intermediate front (objective values only) on the chosen axes. */
export function snapshotPoints(points: readonly Record<string, number>[], xKey: string, yKey: string): { x: number; y: number }[] {
  return points.flatMap((p) => {
    const x = p[xKey];
    const y = p[yKey];
    return typeof x === 'number' && typeof y === 'number' ? [{ x, y }] : [];
  });
}

/** "min" / "max" hint for an axis label. */
export function axisLabel(key: string, objectives: readonly Objective[]): string {
  const objective = objectives.find((o) => o.name === key);
  if (!objective) return key;
  return `${key} (${objective.sense === 'min' ? 'lower' : 'higher'} is better)`;
}
