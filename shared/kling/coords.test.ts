import { describe, expect, it } from 'vitest';
import { fromKlingPoint, toKlingPoint, toKlingTrajectory } from './coords';

const size = { width: 1000, height: 600 };

describe('toKlingPoint', () => {
  it('puts the top-left corner at the top of the bottom-left system', () => {
    expect(toKlingPoint({ x: 0, y: 0 }, size)).toEqual({ x: 0, y: 599 });
  });

  it('puts the bottom-right corner at the bottom-right', () => {
    expect(toKlingPoint({ x: 1000, y: 600 }, size)).toEqual({ x: 999, y: 0 });
  });

  it('flips y by the formula y = H − py and keeps x', () => {
    expect(toKlingPoint({ x: 250, y: 100 }, size)).toEqual({ x: 250, y: 500 });
    expect(toKlingPoint({ x: 999, y: 599 }, size)).toEqual({ x: 999, y: 1 });
  });

  it('rounds to integers', () => {
    expect(toKlingPoint({ x: 10.4, y: 100.6 }, size)).toEqual({ x: 10, y: 499 });
    expect(toKlingPoint({ x: 10.5, y: 100.4 }, size)).toEqual({ x: 11, y: 500 });
  });

  it('clamps positions outside the image onto its edge', () => {
    expect(toKlingPoint({ x: -20, y: -5 }, size)).toEqual({ x: 0, y: 599 });
    expect(toKlingPoint({ x: 1500, y: 900 }, size)).toEqual({ x: 999, y: 0 });
  });
});

describe('toKlingTrajectory', () => {
  it('converts every point in order', () => {
    expect(
      toKlingTrajectory(
        [
          { x: 0, y: 0 },
          { x: 500, y: 300 },
        ],
        size,
      ),
    ).toEqual([
      { x: 0, y: 599 },
      { x: 500, y: 300 },
    ]);
  });
});

describe('fromKlingPoint', () => {
  it('undoes the flip for points inside the image', () => {
    const p = { x: 123, y: 456 };
    expect(toKlingPoint(fromKlingPoint(p, size), size)).toEqual(p);
  });
});
