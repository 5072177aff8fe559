import { describe, expect, it } from 'vitest';
import type { Point, Rect } from './geometry';
import { MOTION_PRESETS, presetAxes, presetPath, presetReach, type MotionPresetKind, type PresetResult } from './motion-presets';

const KINDS = MOTION_PRESETS.map((p) => p.kind);
const FRAMES = [
  { width: 1280, height: 720 },
  { width: 720, height: 1280 },
  { width: 300, height: 300 },
  { width: 4096, height: 4096 },
];

function areaAt(cx: number, cy: number, w: number, h: number) {
  const box: Rect = { x: Math.round(cx - w / 2), y: Math.round(cy - h / 2), width: w, height: h };
  return { box, centre: { x: cx, y: cy } };
}

function points(result: PresetResult): Point[] {
  if (!result.ok) throw new Error(`expected a path, got ${result.reason}`);
  return result.points;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe('presetPath', () => {
  it('lays every preset, in every direction, anywhere in the frame, inside it with 2 to 77 integer points', () => {
    let laid = 0;
    let noRoom = 0;
    for (const frame of FRAMES) {
      const { width: W, height: H } = frame;
      // Centre, edges and corners; small and huge areas.
      const spots = [
        [W / 2, H / 2],
        [2, H / 2],
        [W - 2, H / 2],
        [W / 2, 1],
        [W / 2, H - 1],
        [0.5, 0.5],
        [W - 0.5, H - 0.5],
        [W * 0.8, H * 0.15],
      ] as const;
      for (const [cx, cy] of spots) {
        for (const size of [8, Math.round(W / 4), W]) {
          for (let deg = 0; deg < 360; deg += 45) {
            for (const kind of KINDS) {
              const result = presetPath(kind, { frame, area: areaAt(cx, cy, size, size), directionDeg: deg });
              if (!result.ok) {
                noRoom++;
                continue;
              }
              laid++;
              const pts = result.points;
              expect(pts.length).toBeGreaterThanOrEqual(2);
              expect(pts.length).toBeLessThanOrEqual(77);
              // One expect per path, not per point: 5 000 paths × dozens of expects timed out on a loaded machine.
              const outside = pts.filter((p) => !(Number.isInteger(p.x) && Number.isInteger(p.y) && p.x >= 0 && p.x <= W - 1 && p.y >= 0 && p.y <= H - 1));
              expect(outside, `${kind} ${deg}° at ${cx},${cy}`).toEqual([]);
              // It starts at the area's centre.
              expect(pts[0]).toEqual({ x: Math.min(W - 1, Math.round(cx)), y: Math.min(H - 1, Math.round(cy)) });
              expect(result.scale).toBeGreaterThan(0);
              expect(result.scale).toBeLessThanOrEqual(1);
            }
          }
        }
      }
    }
    // Against an edge or in a corner, directions that point out of the frame have no room; the others are laid.
    expect(laid).toBeGreaterThan(noRoom);
    expect(noRoom).toBeGreaterThan(0);
  });

  it('lays every preset in full, in every direction, for an area in the middle of the frame', () => {
    for (const frame of FRAMES) {
      const area = areaAt(frame.width / 2, frame.height / 2, frame.width / 8, frame.height / 8);
      for (let deg = 0; deg < 360; deg += 15) {
        for (const kind of KINDS) {
          const result = presetPath(kind, { frame, area, directionDeg: deg });
          expect(result.ok && result.scale, `${kind} ${deg}°`).toBe(1);
        }
      }
    }
  });

  it('says there is no room rather than laying a path of a pixel against the frame’s edge', () => {
    const frame = { width: 1000, height: 600 };
    expect(presetPath('line', { frame, area: areaAt(999, 300, 40, 40), directionDeg: 0 })).toEqual({ ok: false, reason: 'no-room' });
    // The other way there is room.
    expect(presetPath('line', { frame, area: areaAt(999, 300, 40, 40), directionDeg: 180 }).ok).toBe(true);
  });

  it('turns an arc or a bounce the other way up when the area sits against the top edge', () => {
    const frame = { width: 1000, height: 600 };
    for (const kind of ['arc', 'bounce'] as const) {
      const pts = points(presetPath(kind, { frame, area: areaAt(300, 2, 200, 200), directionDeg: 0 }));
      expect(Math.max(...pts.map((p) => p.y)), kind).toBeGreaterThan(40);
    }
    // In the open it goes up first.
    const open = points(presetPath('wave', { frame, area: areaAt(300, 300, 200, 200), directionDeg: 0 }));
    expect(open[1]!.y).toBeLessThan(300);
  });

  it('sizes the motion to the area: a bigger area moves further', () => {
    const frame = { width: 2000, height: 2000 };
    const reachOf = (size: number) => {
      const pts = points(presetPath('line', { frame, area: areaAt(1000, 1000, size, size), directionDeg: 0 }));
      return dist(pts[0]!, pts.at(-1)!);
    };
    expect(reachOf(600)).toBeGreaterThan(reachOf(300) * 1.9);
    expect(reachOf(300)).toBeCloseTo(300, 0);
    // A speck still moves visibly; a whole-frame area is held to half the frame.
    expect(presetReach({ x: 0, y: 0, width: 2, height: 2 }, frame)).toBeCloseTo(240);
    expect(presetReach({ x: 0, y: 0, width: 2000, height: 2000 }, frame)).toBe(1000);
  });

  it('shrinks a preset about its start to keep it inside, and says so', () => {
    const frame = { width: 1000, height: 600 };
    const result = presetPath('line', { frame, area: areaAt(900, 300, 300, 300), directionDeg: 0 });
    const pts = points(result);
    expect(result.ok && result.scale).toBeCloseTo(99 / 300, 2);
    expect(pts).toEqual([
      { x: 900, y: 300 },
      { x: 999, y: 300 },
    ]);
  });

  it('points the straight line, the wave and the shake along the chosen direction', () => {
    const frame = { width: 2000, height: 2000 };
    const area = areaAt(1000, 1000, 300, 300);
    const end = (kind: MotionPresetKind, deg: number) => points(presetPath(kind, { frame, area, directionDeg: deg })).at(-1)!;
    expect(end('line', 0)).toEqual({ x: 1300, y: 1000 });
    expect(end('line', 90)).toEqual({ x: 1000, y: 700 }); // up on screen
    expect(end('line', 180)).toEqual({ x: 700, y: 1000 });
    expect(end('line', 270)).toEqual({ x: 1000, y: 1300 });
    expect(end('line', 45)).toEqual({ x: 1212, y: 788 });
    expect(end('wave', 0)).toEqual({ x: 1300, y: 1000 });
    // Shake ends where it began, and never strays far.
    const shake = points(presetPath('shake', { frame, area, directionDeg: 90 }));
    expect(shake.at(-1)).toEqual(shake[0]);
    for (const p of shake) {
      expect(p.x).toBe(1000);
      expect(Math.abs(p.y - 1000)).toBeLessThanOrEqual(0.06 * 300 + 1);
    }
  });

  it('goes round the orbit back to the start, on a circle of the area’s size', () => {
    const frame = { width: 2000, height: 2000 };
    const pts = points(presetPath('orbit', { frame, area: areaAt(1000, 1000, 400, 400), directionDeg: 0 }));
    expect(pts[0]).toEqual({ x: 1000, y: 1000 });
    expect(pts.at(-1)).toEqual({ x: 1000, y: 1000 });
    for (const p of pts) expect(Math.abs(Math.hypot(p.x - 1200, p.y - 1000) - 200)).toBeLessThan(1);
    // It first goes up (across the direction, on the upper side).
    expect(pts[1]!.y).toBeLessThan(1000);
  });

  it('arcs and bounces upward whichever way they travel', () => {
    const frame = { width: 2000, height: 2000 };
    const area = areaAt(1000, 1000, 300, 300);
    for (const deg of [0, 180, 30, 150, 330, 210]) {
      for (const kind of ['arc', 'bounce'] as const) {
        const pts = points(presetPath(kind, { frame, area, directionDeg: deg }));
        const start = pts[0]!;
        const end = pts.at(-1)!;
        // Every point is on or above the chord from start to end, and the highest is well above it.
        const chordY = (x: number) => start.y + ((end.y - start.y) * (x - start.x)) / (end.x - start.x);
        const heights = pts.map((p) => chordY(p.x) - p.y);
        expect(Math.min(...heights), `${kind} ${deg}°`).toBeGreaterThan(-2);
        expect(Math.max(...heights), `${kind} ${deg}°`).toBeGreaterThan(50);
      }
    }
    expect(presetAxes(180).across.y).toBeLessThan(0);
    expect(presetAxes(0).across.y).toBeLessThan(0);
  });

  it('keeps the zig-zag’s corners and the bounce’s contacts sharp', () => {
    const frame = { width: 2000, height: 2000 };
    const area = areaAt(1000, 1000, 400, 400);
    const zig = points(presetPath('zigzag', { frame, area, directionDeg: 0 }));
    // Tips at 1/8, 3/8, 5/8, 7/8 of the reach, 0.15 of it either side.
    for (const [x, y] of [
      [1050, 940],
      [1150, 1060],
      [1250, 940],
      [1350, 1060],
    ] as const) {
      expect(zig).toContainEqual({ x, y });
    }
    const bounce = points(presetPath('bounce', { frame, area, directionDeg: 0 }));
    for (const x of [1180, 1312]) expect(bounce).toContainEqual({ x, y: 1000 });
    expect(bounce.at(-1)).toEqual({ x: 1400, y: 1000 });
  });

  it('spaces the points of a curved preset about evenly (steady speed if points are evenly timed)', () => {
    const frame = { width: 3000, height: 3000 };
    const area = areaAt(1500, 1500, 800, 800);
    for (const kind of ['arc', 'orbit', 'wave'] as const) {
      const pts = points(presetPath(kind, { frame, area, directionDeg: 20 }));
      const steps = pts.slice(1).map((p, i) => dist(p, pts[i]!));
      const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
      for (const s of steps) expect(Math.abs(s - mean) / mean, kind).toBeLessThan(0.1);
      expect(pts.length).toBeGreaterThan(24);
    }
    // A zig-zag's two half-strokes get half the points of its three full strokes: 1 + 2 + 2 + 2 + 1 steps.
    const zig = points(presetPath('zigzag', { frame, area, directionDeg: 0 }));
    expect(zig).toHaveLength(9);
    const zigSteps = zig.slice(1).map((p, i) => dist(p, zig[i]!));
    for (const s of zigSteps) expect(Math.abs(s - zigSteps[0]!)).toBeLessThan(2);
  });

  it('refuses a frame without pixels and a direction that is not a number', () => {
    expect(() => presetPath('line', { frame: { width: 0, height: 10 }, area: areaAt(0, 0, 1, 1), directionDeg: 0 })).toThrow(RangeError);
    expect(() => presetPath('line', { frame: { width: 10, height: 10 }, area: areaAt(5, 5, 1, 1), directionDeg: NaN })).toThrow(RangeError);
  });
});
