import { describe, expect, it } from 'vitest';
import type { Point } from './geometry';
import { fitTrajectory, pathLength, resampleByArcLength, smoothPath } from './trajectory';

const size = { width: 1000, height: 800 };

function line(a: Point, b: Point, n: number): Point[] {
  return Array.from({ length: n }, (_, i) => ({ x: a.x + ((b.x - a.x) * i) / (n - 1), y: a.y + ((b.y - a.y) * i) / (n - 1) }));
}

function arc(cx: number, cy: number, r: number, turns: number, n: number): Point[] {
  return Array.from({ length: n }, (_, i) => {
    const t = (i / (n - 1)) * turns * 2 * Math.PI;
    return { x: cx + r * Math.cos(t), y: cy + r * Math.sin(t) };
  });
}

function fit(points: Point[], options = size): Point[] {
  const result = fitTrajectory(points, options);
  if (!result.ok) throw new Error(`expected a trajectory, got ${result.reason}`);
  return result.points;
}

describe('fitTrajectory', () => {
  it('turns a straight drag into few integer points, in drawing order, from start to end', () => {
    const points = fit(line({ x: 100.2, y: 700.7 }, { x: 900.4, y: 150.1 }, 120));
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.length).toBeLessThanOrEqual(3);
    expect(points[0]).toEqual({ x: 100, y: 701 });
    expect(points.at(-1)).toEqual({ x: 900, y: 150 });
    for (let i = 1; i < points.length; i++) expect(points[i]!.x).toBeGreaterThan(points[i - 1]!.x);
    for (const p of points) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });

  it('gives a curve more points (still ≤ 77) that stay on the drawn circle', () => {
    const straight = fit(line({ x: 100, y: 400 }, { x: 900, y: 400 }, 200)).length;
    const points = fit(arc(500, 400, 300, 0.9, 400));
    expect(points.length).toBeGreaterThan(straight + 5);
    expect(points.length).toBeLessThanOrEqual(77);
    for (const p of points) expect(Math.abs(Math.hypot(p.x - 500, p.y - 400) - 300)).toBeLessThan(6);
  });

  it('never exceeds 77 points (nor maxPoints) on a long wiggly path', () => {
    const wiggle = Array.from({ length: 3000 }, (_, i) => ({ x: 20 + i * 0.3, y: 400 + 300 * Math.sin(i / 15) }));
    expect(fit(wiggle).length).toBe(77);
    expect(fit(wiggle, { ...size, maxPoints: 10 } as typeof size).length).toBe(10);
  });

  it('clamps points outside the image into [0, W−1] × [0, H−1]', () => {
    const points = fit([
      { x: -50, y: 400 },
      { x: 500, y: -300 },
      { x: 1400, y: 900 },
    ]);
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(999);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(799);
    }
    expect(points[0]).toEqual({ x: 0, y: 400 });
    expect(points.at(-1)).toEqual({ x: 999, y: 799 });
  });

  it('reports a click, an empty path and a sub-pixel wiggle as not a trajectory', () => {
    expect(fitTrajectory([{ x: 10, y: 10 }], size)).toEqual({ ok: false, reason: 'single-point' });
    expect(fitTrajectory([{ x: 10, y: 10 }, { x: 10, y: 10 }, { x: 10, y: 10 }], size)).toEqual({
      ok: false,
      reason: 'single-point',
    });
    expect(fitTrajectory([], size)).toEqual({ ok: false, reason: 'empty' });
    expect(fitTrajectory([{ x: 10, y: 10 }, { x: 10.3, y: 10.2 }], size)).toEqual({ ok: false, reason: 'too-short' });
  });

  it('keeps a two-pixel drag as a two-point trajectory', () => {
    expect(fit([{ x: 10, y: 10 }, { x: 12, y: 10 }])).toEqual([
      { x: 10, y: 10 },
      { x: 12, y: 10 },
    ]);
  });
});

describe('resampleByArcLength', () => {
  it('spaces points evenly along the path and keeps both ends', () => {
    const path = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 30 },
    ];
    const out = resampleByArcLength(path, 5);
    expect(out).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 10, y: 20 },
      { x: 10, y: 30 },
    ]);
    expect(pathLength(out)).toBeCloseTo(40);
  });

  it('handles a zero-length path and refuses fewer than two points', () => {
    expect(resampleByArcLength([{ x: 3, y: 4 }], 3)).toEqual([
      { x: 3, y: 4 },
      { x: 3, y: 4 },
      { x: 3, y: 4 },
    ]);
    expect(() => resampleByArcLength([{ x: 0, y: 0 }], 1)).toThrow(RangeError);
  });
});

describe('smoothPath', () => {
  it('keeps the endpoints and the count, and softens a corner', () => {
    const corner = [...line({ x: 0, y: 0 }, { x: 50, y: 0 }, 26), ...line({ x: 50, y: 2 }, { x: 50, y: 50 }, 25)];
    const out = smoothPath(corner, 5);
    expect(out).toHaveLength(corner.length);
    expect(out[0]).toEqual({ x: 0, y: 0 });
    expect(out.at(-1)).toEqual({ x: 50, y: 50 });
    expect(out[25]!.x).toBeLessThan(50);
    expect(smoothPath(corner, 0)).toEqual(corner);
  });
});
