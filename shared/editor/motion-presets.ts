// Preset motions: a path laid from a moving area's centre in one click (straight line, arc, orbit, wave, zig-zag,
// bounce, shake in place), sized to the area and kept inside the frame. The result is an ordinary trajectory in
// TOP-LEFT image pixels (integer, 2..77 points, inside [0, W−1] × [0, H−1]); the bottom-left flip Kling wants is
// done at export (shared/kling/coords.ts), as for drawn paths.
//
// Each preset is a template in the area's own axes — `along` the chosen direction and `across` it, in units of the
// preset's reach — made of pieces joined at corners (a zig-zag's tips, a bounce's contacts). Points are spaced
// evenly along each piece and the pieces share them by length, so the points are about evenly spaced overall (what
// "steady" speed means if Kling reads points as evenly timed) while corners stay exact.
import { LIMITS } from '../kling/limits';
import type { Point, Rect } from './geometry';
import { pathLength, resampleByArcLength } from './trajectory';

export type MotionPresetKind = 'line' | 'arc' | 'orbit' | 'wave' | 'zigzag' | 'bounce' | 'shake';

export const MOTION_PRESETS: readonly { kind: MotionPresetKind; label: string; description: string }[] = [
  { kind: 'line', label: 'Straight line', description: 'moves one body length in the direction' },
  { kind: 'arc', label: 'Arc', description: 'a thrown arc in the direction' },
  { kind: 'orbit', label: 'Circle (orbit)', description: 'a full circle back to where it started' },
  { kind: 'wave', label: 'Wave', description: 'two waves across the direction' },
  { kind: 'zigzag', label: 'Zig-zag', description: 'four sharp turns across the direction' },
  { kind: 'bounce', label: 'Bounce', description: 'three hops, each lower' },
  { kind: 'shake', label: 'Shake in place', description: 'a quick back-and-forth along the direction' },
];

export interface PresetArea {
  /** The area's bounding box, image pixels. */
  box: Rect;
  /** Where the path starts: the area's centre (continuous image pixels). */
  centre: Point;
}

export interface PresetOptions {
  frame: { width: number; height: number };
  area: PresetArea;
  /** 0 = to the right, 90 = up, 180 = to the left, 270 = down (counter-clockwise on screen, like a compass dial). */
  directionDeg: number;
}

export type PresetResult =
  /** `scale` < 1 when the preset was shrunk about its start to stay inside the frame. */
  | { ok: true; points: Point[]; scale: number }
  /** `no-room`: the area sits against the frame's edge in that direction; nothing fits. */
  | { ok: false; reason: 'no-room' };

interface Piece {
  /** Template positions, [along, across] in units of the reach. */
  points: [number, number][];
  straight: boolean;
}

/** Points a curved template gets overall; straight pieces get only as many as keep the spacing even. */
const CURVE_SEGMENTS = 32;
const DENSE = 96;
/** Below this a preset squeezed against the frame's edge is no longer the motion asked for. */
const MIN_SCALE = 0.05;

const sample = (n: number, f: (t: number) => [number, number]): [number, number][] =>
  Array.from({ length: n + 1 }, (_, i) => f(i / n));

const straight = (...points: [number, number][]): Piece[] =>
  points.slice(1).map((p, i) => ({ points: [points[i] as [number, number], p], straight: true }));

function pieces(kind: MotionPresetKind): Piece[] {
  switch (kind) {
    case 'line':
      return straight([0, 0], [1, 0]);
    case 'arc':
      // A parabola, as a thrown thing flies: up to 0.35 of the reach at the middle.
      return [{ points: sample(DENSE, (t) => [t, 1.4 * t * (1 - t)]), straight: false }];
    case 'orbit': {
      // A circle of diameter one reach, through the start, ahead in the direction; first towards `across`.
      const r = 0.5;
      return [{ points: sample(DENSE, (t) => [r + r * Math.cos(Math.PI - 2 * Math.PI * t), r * Math.sin(Math.PI - 2 * Math.PI * t)]), straight: false }];
    }
    case 'wave':
      return [{ points: sample(DENSE, (t) => [t, 0.15 * Math.sin(4 * Math.PI * t)]), straight: false }];
    case 'zigzag':
      return straight([0, 0], [1 / 8, 0.15], [3 / 8, -0.15], [5 / 8, 0.15], [7 / 8, -0.15], [1, 0]);
    case 'bounce': {
      // Three hops along the direction, each shorter and lower; the contacts are sharp, as a bounce is.
      const hops: [number, number][] = [
        [0.45, 0.4],
        [0.33, 0.22],
        [0.22, 0.1],
      ];
      let at = 0;
      return hops.map(([width, height]) => {
        const from = at;
        at += width;
        return { points: sample(DENSE / 2, (t) => [from + width * t, 4 * height * t * (1 - t)]), straight: false };
      });
    }
    case 'shake': {
      // Six quick swings either side of the start, back to rest at the end.
      const a = 0.06;
      const stops: [number, number][] = [[0, 0]];
      for (let i = 0; i < 6; i++) stops.push([a, 0], [-a, 0]);
      stops.push([0, 0]);
      return straight(...stops);
    }
  }
}

const length = (pts: readonly [number, number][]): number =>
  pathLength(pts.map(([x, y]) => ({ x, y })));

/** The template as one polyline with evenly shared points (2..77), corners kept, still in template units. */
function spaced(pieces: readonly Piece[]): [number, number][] {
  const max = LIMITS.trajectoryPoints.max - 1;
  const lengths = pieces.map((p) => length(p.points));
  const total = lengths.reduce((a, b) => a + b, 0);
  const curved = pieces.some((p) => !p.straight);
  // Straight-only templates: the shortest piece gets one step and the others as many as keep the spacing even.
  let step = curved ? total / CURVE_SEGMENTS : Math.min(...lengths);
  let counts = lengths.map((l) => Math.max(1, Math.round(l / step)));
  while (counts.reduce((a, b) => a + b, 0) > max) {
    step *= 1.05;
    counts = lengths.map((l) => Math.max(1, Math.round(l / step)));
  }
  const out: [number, number][] = [];
  pieces.forEach((piece, i) => {
    const n = counts[i] ?? 1;
    const pts = resampleByArcLength(
      piece.points.map(([x, y]) => ({ x, y })),
      n + 1,
    ).map((p): [number, number] => [p.x, p.y]);
    out.push(...(out.length > 0 ? pts.slice(1) : pts));
  });
  return out;
}

/** How far a preset reaches, in image pixels: about the area's larger side, within sensible bounds of the frame. */
export function presetReach(box: Rect, frame: { width: number; height: number }): number {
  const shortSide = Math.min(frame.width, frame.height);
  const longSide = Math.max(frame.width, frame.height);
  return Math.min(0.5 * longSide, Math.max(0.12 * shortSide, Math.max(box.width, box.height)));
}

/** The unit vectors along the direction and across it (the across side that points up, or left for a vertical move). */
export function presetAxes(directionDeg: number): { along: Point; across: Point } {
  const th = (directionDeg * Math.PI) / 180;
  const along = { x: Math.cos(th), y: -Math.sin(th) };
  let across = { x: -Math.sin(th), y: -Math.cos(th) };
  // Hops and arcs go up, as under gravity, whichever way the thing travels.
  if (across.y > 1e-9) across = { x: -across.x, y: -across.y };
  return { along, across };
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

/** The largest scale in (0, 1] that keeps `start` + scale · offset inside the frame for every offset. */
function fitScale(offsets: readonly Point[], start: Point, frame: { width: number; height: number }): number {
  // Offsets within a rounding error of zero (cos 90° is 6e-17, not 0) must not pin the scale to 0 at an edge.
  const eps = 1e-6;
  let scale = 1;
  for (const o of offsets) {
    if (o.x > eps) scale = Math.min(scale, (frame.width - 1 - start.x) / o.x);
    if (o.x < -eps) scale = Math.min(scale, -start.x / o.x);
    if (o.y > eps) scale = Math.min(scale, (frame.height - 1 - start.y) / o.y);
    if (o.y < -eps) scale = Math.min(scale, -start.y / o.y);
  }
  return scale;
}

/** Lays preset `kind` from the area's centre. */
export function presetPath(kind: MotionPresetKind, options: PresetOptions): PresetResult {
  const { frame, area } = options;
  const { width: W, height: H } = frame;
  if (!(W >= 1 && H >= 1)) throw new RangeError(`frame size must be positive, got ${W}×${H}`);
  if (!Number.isFinite(options.directionDeg)) throw new RangeError('direction must be a finite angle');
  const start = { x: clamp(Math.round(area.centre.x), 0, W - 1), y: clamp(Math.round(area.centre.y), 0, H - 1) };
  const reach = presetReach(area.box, frame);
  const { along, across } = presetAxes(options.directionDeg);
  const template = spaced(pieces(kind));
  const lay = (side: 1 | -1): Point[] =>
    template.map(([a, c]) => ({
      x: (along.x * a + across.x * c * side) * reach,
      y: (along.y * a + across.y * c * side) * reach,
    }));
  // Upward (or left) first; against the top edge the mirror image fits better, and is taken when it does.
  let offsets = lay(1);
  let scale = fitScale(offsets, start, frame);
  const mirrored = lay(-1);
  const mirroredScale = fitScale(mirrored, start, frame);
  if (mirroredScale > 1.25 * scale) {
    offsets = mirrored;
    scale = mirroredScale;
  }
  const points: Point[] = [];
  for (const o of offsets) {
    const q = { x: clamp(Math.round(start.x + o.x * scale), 0, W - 1), y: clamp(Math.round(start.y + o.y * scale), 0, H - 1) };
    const prev = points[points.length - 1];
    if (!prev || prev.x !== q.x || prev.y !== q.y) points.push(q);
  }
  // Squeezed against the edge: a motion of a pixel or two, or a twentieth of its size, is no motion at all.
  const extent = Math.max(...points.map((p) => Math.hypot(p.x - start.x, p.y - start.y)));
  if (points.length < 2 || extent < 2 || scale < MIN_SCALE) return { ok: false, reason: 'no-room' };
  return { ok: true, points, scale };
}
