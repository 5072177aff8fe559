import { describe, expect, it } from 'vitest';
import type { Point } from './geometry';
import { MOTION_PRESETS, presetPath } from './motion-presets';
import { easeDistance, HOLD_FRACTION, MIN_TIMED_POINTS, PATH_SPEEDS, pointAtTime, shapeDeviation, spacePath, type PathSpeed } from './path-speed';
import { fitTrajectory } from './trajectory';

const FRAME = { width: 1280, height: 720 };
const LINE: Point[] = [
  { x: 100, y: 400 },
  { x: 700, y: 400 },
];
const steps = (path: readonly Point[]) => path.slice(1).map((p, i) => Math.hypot(p.x - (path[i] as Point).x, p.y - (path[i] as Point).y));
const TIMED = PATH_SPEEDS.filter((s) => s !== 'steady');

describe('easeDistance', () => {
  it.each(PATH_SPEEDS)('%s starts at 0, ends at 1 and never goes back', (speed) => {
    expect(easeDistance(speed, 0)).toBe(0);
    expect(easeDistance(speed, 1)).toBe(1);
    let prev = 0;
    for (let k = 1; k <= 100; k++) {
      const d = easeDistance(speed, k / 100);
      expect(d).toBeGreaterThanOrEqual(prev);
      prev = d;
    }
  });
  it('eases in slow, out slow, and holds for a quarter of the time', () => {
    expect(easeDistance('ease-in', 0.5)).toBeLessThan(0.5);
    expect(easeDistance('ease-out', 0.5)).toBeGreaterThan(0.5);
    expect(easeDistance('ease-in-out', 0.5)).toBeCloseTo(0.5);
    expect(easeDistance('ease-in-out', 0.1)).toBeLessThan(0.1);
    expect(easeDistance('hold-start', HOLD_FRACTION)).toBe(0);
    expect(easeDistance('hold-end', 1 - HOLD_FRACTION)).toBe(1);
  });
});

describe('spacePath', () => {
  it('steady sends the shape’s own points, unchanged', () => {
    const shape = [{ x: 1, y: 2 }, { x: 30, y: 40 }, { x: 90, y: 41 }];
    expect(spacePath(shape, 'steady', FRAME)).toEqual(shape);
  });

  it.each(TIMED)('%s keeps the first and last points, integer, inside the frame, 25..77 points, on the line', (speed) => {
    const out = spacePath(LINE, speed, FRAME);
    expect(out.length).toBeGreaterThanOrEqual(MIN_TIMED_POINTS);
    expect(out.length).toBeLessThanOrEqual(77);
    expect(out[0]).toEqual(LINE[0]);
    expect(out.at(-1)).toEqual(LINE[1]);
    for (const p of out) {
      expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
      expect(p.y).toBe(400);
    }
    // Along the path in order: x never goes back.
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThanOrEqual(out[i - 1]!.x);
  });

  it('ease in: steps grow; ease out: steps shrink; in-out: small, large, small', () => {
    const grow = steps(spacePath(LINE, 'ease-in', FRAME));
    expect(grow[0]!).toBeLessThan(grow.at(-1)!);
    for (let i = 1; i < grow.length; i++) expect(grow[i]!).toBeGreaterThanOrEqual(grow[i - 1]! - 1); // ±1 px of rounding
    const shrink = steps(spacePath(LINE, 'ease-out', FRAME));
    expect(shrink[0]!).toBeGreaterThan(shrink.at(-1)!);
    const both = steps(spacePath(LINE, 'ease-in-out', FRAME));
    const middle = both[Math.floor(both.length / 2)]!;
    expect(both[0]!).toBeLessThan(middle);
    expect(both.at(-1)!).toBeLessThan(middle);
  });

  it('holds repeat the start (or end) point for a quarter of the steps, then move evenly', () => {
    const start = spacePath(LINE, 'hold-start', FRAME);
    const still = start.filter((p) => p.x === LINE[0]!.x).length - 1; // steps spent at the start
    expect(still / (start.length - 1)).toBeCloseTo(HOLD_FRACTION, 1);
    const moving = steps(start).filter((d) => d > 0);
    expect(Math.max(...moving) - Math.min(...moving)).toBeLessThanOrEqual(1);
    const end = spacePath(LINE, 'hold-end', FRAME);
    expect(end.filter((p) => p.x === LINE[1]!.x).length - 1).toBe(still);
  });

  it.each(MOTION_PRESETS.map((p) => p.kind))('every speed keeps the %s preset’s shape within the tolerance', (kind) => {
    const laid = presetPath(kind, { frame: FRAME, area: { centre: { x: 640, y: 360 }, box: { x: 540, y: 300, width: 200, height: 120 } }, directionDeg: 30 });
    if (!laid.ok) throw new Error(`no ${kind}`);
    for (const speed of TIMED) {
      const out = spacePath(laid.points, speed, FRAME);
      expect(out.length, `${kind} ${speed}`).toBeLessThanOrEqual(77);
      expect(out[0]).toEqual(laid.points[0]);
      expect(out.at(-1)).toEqual(laid.points.at(-1));
      expect(shapeDeviation(laid.points, out), `${kind} ${speed}`).toBeLessThanOrEqual(3.2);
    }
  });

  it('keeps a drawn curve’s shape within the fit’s tolerance', () => {
    const raw = Array.from({ length: 200 }, (_, i) => ({ x: 100 + i * 5, y: 360 + 200 * Math.sin(i / 30) }));
    const fit = fitTrajectory(raw, FRAME);
    if (!fit.ok) throw new Error('no fit');
    for (const speed of TIMED) expect(shapeDeviation(fit.points, spacePath(fit.points, speed, FRAME)), speed).toBeLessThanOrEqual(3.2);
  });

  it('a path of zero length or one point is sent as it is', () => {
    const dot = [{ x: 5, y: 5 }, { x: 5, y: 5 }];
    for (const speed of TIMED as PathSpeed[]) expect(spacePath(dot, speed, FRAME)).toEqual(dot);
  });
});

describe('pointAtTime', () => {
  it('reads every point as one equal step of time', () => {
    const path = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 100, y: 0 }];
    expect(pointAtTime(path, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAtTime(path, 0.25)).toEqual({ x: 5, y: 0 });
    expect(pointAtTime(path, 0.5)).toEqual({ x: 10, y: 0 });
    expect(pointAtTime(path, 0.75)).toEqual({ x: 55, y: 0 });
    expect(pointAtTime(path, 1)).toEqual({ x: 100, y: 0 });
  });
  it('stays put during a hold', () => {
    const held = spacePath(LINE, 'hold-start', FRAME);
    expect(pointAtTime(held, HOLD_FRACTION * 0.9)).toEqual(LINE[0]);
    expect(pointAtTime(held, 0.6).x).toBeGreaterThan(LINE[0]!.x);
  });
});
