// From a hand-drawn drag to a Kling trajectory: 2..77 evenly spaced integer points that follow the drawn path
// (../shared/kling-api.md, "Motion brush"). Works in TOP-LEFT image pixels; the bottom-left flip Kling wants is
// done at export in shared/kling/coords.ts.
import { LIMITS } from '../kling/limits';
import type { Point } from './geometry';

export interface TrajectoryOptions {
  /** Start frame size; points end up inside [0, width−1] × [0, height−1]. */
  width: number;
  height: number;
  /** Upper bound on points (never above Kling's 77). */
  maxPoints?: number;
  /** Multiplier of the default smoothing (0 = none, 1 = default, 2 = twice as smooth). */
  smoothing?: number;
  /** Largest distance allowed between the drawn path and the fitted polyline; default scales with the image. */
  tolerancePx?: number;
}

export type TrajectoryFit =
  | { ok: true; points: Point[] }
  /** `empty`: no points; `single-point`: a click, not a drag; `too-short`: the drag does not span a whole pixel. */
  | { ok: false; reason: 'empty' | 'single-point' | 'too-short' };

const MAX_DENSE_POINTS = 2000;
const DENSE_SPACING_PX = 2;

export function pathLength(points: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    total += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return total;
}

/**
 * `strength` passes of a [1 2 1]/4 moving average over the inner points; the first and last points stay put.
 * Fractional strengths round to the nearest whole pass.
 */
export function smoothPath(points: readonly Point[], strength: number): Point[] {
  const passes = Math.max(0, Math.round(strength));
  const n = points.length;
  if (n <= 2 || passes === 0) return points.map((p) => ({ x: p.x, y: p.y }));
  let xs = Float64Array.from(points, (p) => p.x);
  let ys = Float64Array.from(points, (p) => p.y);
  let nx = new Float64Array(n);
  let ny = new Float64Array(n);
  for (let pass = 0; pass < passes; pass++) {
    nx[0] = xs[0] ?? 0;
    ny[0] = ys[0] ?? 0;
    nx[n - 1] = xs[n - 1] ?? 0;
    ny[n - 1] = ys[n - 1] ?? 0;
    for (let i = 1; i < n - 1; i++) {
      nx[i] = ((xs[i - 1] ?? 0) + 2 * (xs[i] ?? 0) + (xs[i + 1] ?? 0)) / 4;
      ny[i] = ((ys[i - 1] ?? 0) + 2 * (ys[i] ?? 0) + (ys[i + 1] ?? 0)) / 4;
    }
    [xs, nx] = [nx, xs];
    [ys, ny] = [ny, ys];
  }
  return Array.from(xs, (x, i) => ({ x, y: ys[i] ?? 0 }));
}

/** `count` (≥ 2) points evenly spaced along the polyline; the first and last points are kept exactly. */
export function resampleByArcLength(points: readonly Point[], count: number): Point[] {
  if (points.length === 0) throw new RangeError('cannot resample an empty path');
  if (!Number.isInteger(count) || count < 2) throw new RangeError(`count must be an integer ≥ 2, got ${count}`);
  const first = points[0] as Point;
  const last = points[points.length - 1] as Point;
  const total = pathLength(points);
  if (total === 0) return Array.from({ length: count }, () => ({ x: first.x, y: first.y }));
  const out: Point[] = [{ x: first.x, y: first.y }];
  let seg = 1;
  let segStart = 0; // arc length at points[seg − 1]
  for (let k = 1; k < count - 1; k++) {
    const target = (total * k) / (count - 1);
    let a = points[seg - 1] as Point;
    let b = points[seg] as Point;
    let segLen = Math.hypot(b.x - a.x, b.y - a.y);
    while (segStart + segLen < target && seg < points.length - 1) {
      segStart += segLen;
      seg++;
      a = b;
      b = points[seg] as Point;
      segLen = Math.hypot(b.x - a.x, b.y - a.y);
    }
    const t = segLen > 0 ? Math.min(1, Math.max(0, (target - segStart) / segLen)) : 0;
    out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
  }
  out.push({ x: last.x, y: last.y });
  return out;
}

/** Distance from `p` to the segment a–b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(p.x - (a.x + dx * t), p.y - (a.y + dy * t));
}

/** Largest distance from the dense path to `count` evenly spaced points joined by lines. */
function deviation(dense: readonly Point[], arc: Float64Array, total: number, fitted: readonly Point[]): number {
  const segments = fitted.length - 1;
  const step = total / segments;
  let worst = 0;
  for (let i = 0; i < dense.length; i++) {
    const j = Math.min(segments - 1, Math.floor((arc[i] ?? 0) / step));
    const d = distanceToSegment(dense[i] as Point, fitted[j] as Point, fitted[j + 1] as Point);
    if (d > worst) worst = d;
  }
  return worst;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Turns raw pointer samples into a trajectory: clamp into the image, drop repeats, smooth, pick the fewest points
 * (2..maxPoints) whose polyline stays within the tolerance of the drawn path — a straight drag gives 2, a curve
 * more — resample evenly (constant speed along the path), round to whole pixels and clamp again.
 */
export function fitTrajectory(rawPoints: readonly Point[], options: TrajectoryOptions): TrajectoryFit {
  const { width, height } = options;
  if (!(width >= 1 && height >= 1)) throw new RangeError(`image size must be positive, got ${width}×${height}`);
  const maxPoints = clamp(Math.floor(options.maxPoints ?? LIMITS.trajectoryPoints.max), 2, LIMITS.trajectoryPoints.max);
  const longSide = Math.max(width, height);
  const tolerance = options.tolerancePx ?? Math.max(1.5, 0.0025 * longSide);
  const sigma = Math.max(2, 0.002 * longSide) * (options.smoothing ?? 1);

  const pts: Point[] = [];
  for (const p of rawPoints) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new RangeError(`point must be finite, got (${p.x}, ${p.y})`);
    const q = { x: clamp(p.x, 0, width - 1), y: clamp(p.y, 0, height - 1) };
    const prev = pts[pts.length - 1];
    if (!prev || prev.x !== q.x || prev.y !== q.y) pts.push(q);
  }
  if (pts.length === 0) return { ok: false, reason: rawPoints.length === 0 ? 'empty' : 'single-point' };
  if (pts.length === 1) return { ok: false, reason: 'single-point' };
  const drawn = pathLength(pts);
  if (drawn < 1) return { ok: false, reason: 'too-short' };

  // Evenly spaced dense copy, so smoothing strength is in pixels whatever the pointer's sampling rate.
  const denseCount = clamp(Math.ceil(drawn / DENSE_SPACING_PX) + 1, 2, MAX_DENSE_POINTS);
  const spacing = drawn / (denseCount - 1);
  // n passes of [1 2 1]/4 blur with a standard deviation of spacing·√(n/2).
  const passes = Math.min(400, Math.round(2 * (sigma / spacing) ** 2));
  const dense = smoothPath(resampleByArcLength(pts, denseCount), passes);
  const arc = new Float64Array(dense.length);
  for (let i = 1; i < dense.length; i++) {
    const a = dense[i - 1] as Point;
    const b = dense[i] as Point;
    arc[i] = (arc[i - 1] ?? 0) + Math.hypot(b.x - a.x, b.y - a.y);
  }
  const total = arc[dense.length - 1] ?? 0;

  let fitted = resampleByArcLength(dense, maxPoints);
  for (let n = 2; n < maxPoints; n++) {
    const candidate = resampleByArcLength(dense, n);
    if (deviation(dense, arc, total, candidate) <= tolerance) {
      fitted = candidate;
      break;
    }
  }

  const out: Point[] = [];
  for (const p of fitted) {
    const q = { x: clamp(Math.round(p.x), 0, width - 1), y: clamp(Math.round(p.y), 0, height - 1) };
    const prev = out[out.length - 1];
    if (!prev || prev.x !== q.x || prev.y !== q.y) out.push(q);
  }
  if (out.length < 2) return { ok: false, reason: 'too-short' };
  return { ok: true, points: out };
}
