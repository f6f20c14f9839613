import { describe, expect, it } from 'vitest';
import { openRing, pointInRing, polygonProblem, selfIntersection } from '../../src/pack/polygon.js';
import type { Point } from '../../src/pack/polygon.js';

const square: Point[] = [[0, 0], [1, 0], [1, 1], [0, 1]];

describe('polygon checks', () => {
  it('accepts simple rings, closed or open, clockwise or not', () => {
    expect(polygonProblem(square)).toBeUndefined();
    expect(polygonProblem([...square, [0, 0]])).toBeUndefined();
    expect(polygonProblem([...square].reverse())).toBeUndefined();
    expect(polygonProblem([[0, 0], [2, 0], [2, 2], [1, 1], [0, 2]])).toBeUndefined();
  });

  it('finds crossing edges, flat rings and too few points', () => {
    expect(selfIntersection([[0, 0], [1, 1], [1, 0], [0, 1]])).toEqual([1, 3]);
    expect(polygonProblem([[0, 0], [1, 1], [2, 2], [3, 3]])).toBe('encloses no area (its points lie on one line)');
    expect(polygonProblem([[0, 0], [1, 0], [1, 0], [0, 0]])).toBe('needs at least 3 distinct points');
    expect(openRing([[0, 0], [0, 0], [1, 0], [1, 1], [0, 0]])).toEqual([[0, 0], [1, 0], [1, 1]]);
  });

  it('tests points, counting the boundary as inside', () => {
    expect(pointInRing([0.5, 0.5], square)).toBe(true);
    expect(pointInRing([1, 0.5], square)).toBe(true);
    expect(pointInRing([1.5, 0.5], square)).toBe(false);
  });
});
