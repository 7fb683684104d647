import type { Point } from './layout-graph';

const CORNER_RADIUS_PX = 6;

/**
 * An SVG path through the points with rounded corners (never wider than half a segment).
 * @example roundedPath([{ x: 0, y: 0 }, { x: 0, y: 20 }, { x: 30, y: 20 }]); // 'M 0 0 L 0 14 Q 0 20 6 20 L 30 20'
 */
export function roundedPath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M ${first.x} ${first.y}`;
  for (let i = 0; i < rest.length; i++) {
    const corner = rest[i] as Point;
    const next = rest[i + 1];
    const previous = (i === 0 ? first : rest[i - 1]) as Point;
    if (!next) {
      d += ` L ${corner.x} ${corner.y}`;
      break;
    }
    const radius = Math.min(CORNER_RADIUS_PX, distance(previous, corner) / 2, distance(corner, next) / 2);
    const before = toward(corner, previous, radius);
    const after = toward(corner, next, radius);
    d += ` L ${before.x} ${before.y} Q ${corner.x} ${corner.y} ${after.x} ${after.y}`;
  }
  return d;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function toward(from: Point, to: Point, length: number): Point {
  const d = distance(from, to);
  return d === 0 ? from : { x: from.x + ((to.x - from.x) * length) / d, y: from.y + ((to.y - from.y) * length) / d };
}

/** The middle of the route's longest segment: where a badge covers the least. */
export function badgePoint(points: readonly Point[]): Point {
  let best: Point = points[0] ?? { x: 0, y: 0 };
  let bestLength = -1;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const length = distance(a, b);
    if (length > bestLength) {
      bestLength = length;
      best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  return best;
}

