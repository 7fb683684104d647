import { describe, expect, it } from 'vitest';
import { badgePoint, roundedPath } from './edge-path';

describe('edge path', () => {
  it('rounds each corner of an orthogonal route and ends on the last point', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 0, y: 20 }, { x: 30, y: 20 }])).toBe('M 0 0 L 0 14 Q 0 20 6 20 L 30 20');
  });

  it('never rounds wider than half the shorter segment', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 0, y: 4 }, { x: 30, y: 4 }])).toBe('M 0 0 L 0 2 Q 0 4 2 4 L 30 4');
  });

  it('draws nothing for no points and a straight line for two', () => {
    expect(roundedPath([])).toBe('');
    expect(roundedPath([{ x: 1, y: 2 }, { x: 1, y: 9 }])).toBe('M 1 2 L 1 9');
  });

  it('puts a badge in the middle of the longest segment', () => {
    expect(badgePoint([{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 100, y: 10 }, { x: 100, y: 20 }])).toEqual({ x: 50, y: 10 });
  });
});
