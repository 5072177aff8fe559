// "Speed" along a path: the same shape, its points spaced so that IF Kling reads consecutive points as equal steps
// of time, the area eases in, eases out or holds still. Kling documents the order and shape of the points (2–77,
// joined in order, first = start; ../shared/kling-api.md "Motion brush"), NOT their timing: this is our best
// reading of the contract, said as such in the UI and the README.
//
// Works in TOP-LEFT integer image pixels like shared/editor/trajectory.ts; the bottom-left flip is done at export.
import { LIMITS } from '../kling/limits';
import type { Point } from './geometry';
import { distanceToSegment, pathLength } from './trajectory';

export const PATH_SPEEDS = ['steady', 'ease-in', 'ease-out', 'ease-in-out', 'hold-start', 'hold-end'] as const;
export type PathSpeed = (typeof PATH_SPEEDS)[number];

export const PATH_SPEED_LABELS: Readonly<Record<PathSpeed, string>> = {
  steady: 'Steady',
  'ease-in': 'Ease in',
  'ease-out': 'Ease out',
  'ease-in-out': 'Ease in-out',
  'hold-start': 'Hold at start',
  'hold-end': 'Hold at end',
};

export function isPathSpeed(value: unknown): value is PathSpeed {
  return typeof value === 'string' && (PATH_SPEEDS as readonly string[]).includes(value);
}

/** Share of the clip a hold keeps the area still: a quarter (1.25 s of a 5 s clip). */
export const HOLD_FRACTION = 0.25;
/**
 * Fewest points a timed path is sent with: a 2-point line eased over 2 points would be no ease at all. 25 points
 * are a step every ~0.2 s of a 5 s clip; more (up to Kling's 77) when the shape needs them to stay the same.
 */
export const MIN_TIMED_POINTS = 25;

/** Fraction of the path's length reached at fraction `t` of the time (monotone, 0 → 0, 1 → 1). */
export function easeDistance(speed: PathSpeed, t: number): number {
  const u = t <= 0 ? 0 : t >= 1 ? 1 : t;
  switch (speed) {
    case 'steady':
      return u;
    case 'ease-in':
      return u * u;
    case 'ease-out':
      return 1 - (1 - u) * (1 - u);
    case 'ease-in-out':
      return u < 0.5 ? 2 * u * u : 1 - 2 * (1 - u) * (1 - u);
    case 'hold-start':
      return u <= HOLD_FRACTION ? 0 : (u - HOLD_FRACTION) / (1 - HOLD_FRACTION);
    case 'hold-end':
      return u >= 1 - HOLD_FRACTION ? 1 : u / (1 - HOLD_FRACTION);
  }
}

export interface SpacingOptions {
  /** Start frame size: points stay inside [0, width−1] × [0, height−1]. */
  width: number;
  height: number;
  /** Largest distance allowed between the shape and the spaced polyline; default as the path fit's. */
  tolerancePx?: number;
}

/** Cumulative arc length at every point of `points`. */
function arcLengths(points: readonly Point[]): Float64Array {
  const arc = new Float64Array(points.length);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    arc[i] = (arc[i - 1] ?? 0) + Math.hypot(b.x - a.x, b.y - a.y);
  }
  return arc;
}

/** The point at arc length `s` along `points` (arc lengths `arc`). */
function pointAtLength(points: readonly Point[], arc: Float64Array, s: number): Point {
  const last = points.length - 1;
  if (s <= 0) return points[0] as Point;
  if (s >= (arc[last] ?? 0)) return points[last] as Point;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((arc[mid] ?? 0) <= s) lo = mid;
    else hi = mid;
  }
  const a = points[lo] as Point;
  const b = points[hi] as Point;
  const len = (arc[hi] ?? 0) - (arc[lo] ?? 0);
  const t = len > 0 ? (s - (arc[lo] ?? 0)) / len : 0;
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** How far the shape's corners are from the polyline through `spaced` (its points lie on the shape already). */
export function shapeDeviation(shape: readonly Point[], spaced: readonly Point[]): number {
  let worst = 0;
  for (const p of shape) {
    let best = Infinity;
    for (let j = 1; j < spaced.length && best > 0; j++) best = Math.min(best, distanceToSegment(p, spaced[j - 1] as Point, spaced[j] as Point));
    if (spaced.length === 1) best = Math.hypot(p.x - (spaced[0] as Point).x, p.y - (spaced[0] as Point).y);
    if (best > worst) worst = best;
  }
  return worst;
}

/** Arc positions of `count` points at equal time steps, each corner of the shape pulled onto its nearest step. */
function timedPositions(speed: PathSpeed, arc: Float64Array, count: number): Float64Array {
  const total = arc[arc.length - 1] ?? 0;
  const s = Float64Array.from({ length: count }, (_, k) => total * easeDistance(speed, k / (count - 1)));
  s[count - 1] = total;
  // A corner falling between two steps would be cut; moving the nearest step onto it keeps the shape and moves
  // that step's time by at most half a step. A step already pulled onto a corner stays there.
  const pinned = new Uint8Array(count);
  pinned[0] = 1;
  pinned[count - 1] = 1;
  for (let v = 1; v < arc.length - 1; v++) {
    const at = arc[v] ?? 0;
    let lo = 0;
    let hi = count - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((s[mid] ?? 0) <= at) lo = mid;
      else hi = mid;
    }
    if (s[lo] === at || s[hi] === at) continue;
    const nearest = at - (s[lo] ?? 0) <= (s[hi] ?? 0) - at ? lo : hi;
    const other = nearest === lo ? hi : lo;
    if (!pinned[nearest]) {
      s[nearest] = at;
      pinned[nearest] = 1;
    } else if (!pinned[other]) {
      s[other] = at;
      pinned[other] = 1;
    }
  }
  return s;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * The points to send for `shape` at `speed`: for "steady" the shape's own points, unchanged (drawn and preset paths
 * are evenly spaced already). Otherwise MIN_TIMED_POINTS..77 points along the same shape — the first and last
 * exactly the shape's, the fewest whose polyline stays within the tolerance of the shape — spaced by the speed's
 * curve, rounded to whole pixels. Holds repeat a point: the area stays put for those steps.
 */
export function spacePath(shape: readonly Point[], speed: PathSpeed, options: SpacingOptions): Point[] {
  const copy = shape.map((p) => ({ x: p.x, y: p.y }));
  if (speed === 'steady' || shape.length < 2) return copy;
  const { width, height } = options;
  const tolerance = options.tolerancePx ?? Math.max(1.5, 0.0025 * Math.max(width, height));
  const max = LIMITS.trajectoryPoints.max;
  const arc = arcLengths(copy);
  if (pathLength(copy) === 0) return copy;
  let best: Point[] = [];
  let bestDeviation = Infinity;
  for (let count = Math.min(max, Math.max(MIN_TIMED_POINTS, shape.length)); count <= max; count++) {
    const spaced = Array.from(timedPositions(speed, arc, count), (s) => {
      const p = pointAtLength(copy, arc, s);
      return { x: clamp(Math.round(p.x), 0, width - 1), y: clamp(Math.round(p.y), 0, height - 1) };
    });
    const deviation = shapeDeviation(copy, spaced);
    if (deviation < bestDeviation) {
      best = spaced;
      bestDeviation = deviation;
    }
    if (deviation <= tolerance) break;
  }
  return best;
}

/**
 * Where the area is at fraction `t` (0..1) of the clip if every point of `path` is one equal step of time: the
 * reading "Speed" is built on, and what Play shows.
 */
export function pointAtTime(path: readonly Point[], t: number): Point {
  const first = path[0] ?? { x: 0, y: 0 };
  if (path.length < 2 || t <= 0) return first;
  const steps = path.length - 1;
  const at = Math.min(1, t) * steps;
  const i = Math.min(steps - 1, Math.floor(at));
  const a = path[i] as Point;
  const b = path[i + 1] as Point;
  const f = at - i;
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}
