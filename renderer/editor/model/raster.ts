// Which pixels a shape covers, row by row. A pixel (x, y) is covered when its CENTRE (x + 0.5, y + 0.5) lies in the
// shape; shapes come as horizontal spans so painting is a tight loop per row and touches only the shape's box.
import type { Point } from '../../../shared/editor/geometry';

/** Receives the covered pixels x0 ≤ x < x1 of row y (already clipped to the image, never empty). */
export type SpanSink = (y: number, x0: number, x1: number) => void;

/** Below this a brush could fall between pixel centres and paint nothing; √½ always reaches one centre. */
export const MIN_BRUSH_RADIUS = Math.SQRT1_2;

function emitInterval(lo: number, hi: number, y: number, width: number, sink: SpanSink): void {
  // Centre c = x + 0.5 inside [lo, hi]  ⇔  ceil(lo − 0.5) ≤ x ≤ floor(hi − 0.5).
  const x0 = Math.max(0, Math.ceil(lo - 0.5));
  const x1 = Math.min(width, Math.floor(hi - 0.5) + 1);
  if (x1 > x0) sink(y, x0, x1);
}

/**
 * The capsule swept by a disc of `radius` moving from `a` to `b` (a round brush between two pointer samples), so a
 * fast stroke leaves no gaps. Binary: a pixel is in when its centre is at distance ≤ radius from the segment.
 */
export function capsuleSpans(a: Point, b: Point, radius: number, width: number, height: number, sink: SpanSink): void {
  const r = Math.max(radius, MIN_BRUSH_RADIUS);
  const r2 = r * r;
  const yStart = Math.max(0, Math.floor(Math.min(a.y, b.y) - r - 0.5));
  const yEnd = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + r));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const halfWidth = r * Math.sqrt(len2);
  for (let y = yStart; y <= yEnd; y++) {
    const cy = y + 0.5;
    let lo = Infinity;
    let hi = -Infinity;
    const ea = cy - a.y;
    if (ea * ea <= r2) {
      const h = Math.sqrt(r2 - ea * ea);
      lo = a.x - h;
      hi = a.x + h;
    }
    const eb = cy - b.y;
    if (eb * eb <= r2) {
      const h = Math.sqrt(r2 - eb * eb);
      if (b.x - h < lo) lo = b.x - h;
      if (b.x + h > hi) hi = b.x + h;
    }
    if (len2 > 0) {
      // The band between the two end discs: 0 ≤ (P−a)·d ≤ |d|² and |(P−a)×d| ≤ r|d|, both linear in x on this row.
      let plo = -Infinity;
      let phi = Infinity;
      // (x − a.x)·dx + ea·dy ∈ [0, len2]
      if (dx !== 0) {
        const t0 = a.x + (0 - ea * dy) / dx;
        const t1 = a.x + (len2 - ea * dy) / dx;
        plo = Math.min(t0, t1);
        phi = Math.max(t0, t1);
      } else if (ea * dy < 0 || ea * dy > len2) {
        plo = Infinity;
      }
      // (x − a.x)·dy − ea·dx ∈ [−r|d|, r|d|]
      if (dy !== 0) {
        const s0 = a.x + (ea * dx - halfWidth) / dy;
        const s1 = a.x + (ea * dx + halfWidth) / dy;
        plo = Math.max(plo, Math.min(s0, s1));
        phi = Math.min(phi, Math.max(s0, s1));
      } else if (Math.abs(ea * dx) > halfWidth) {
        plo = Infinity;
      }
      if (plo <= phi) {
        if (plo < lo) lo = plo;
        if (phi > hi) hi = phi;
      }
    }
    if (lo <= hi) emitInterval(lo, hi, y, width, sink);
  }
}

/** Pixels whose centres are inside the rectangle spanned by two corners (any order, fractional allowed). */
export function rectSpans(a: Point, b: Point, width: number, height: number, sink: SpanSink): void {
  const left = Math.min(a.x, b.x);
  const right = Math.max(a.x, b.x);
  const top = Math.min(a.y, b.y);
  const bottom = Math.max(a.y, b.y);
  const y0 = Math.max(0, Math.ceil(top - 0.5));
  const y1 = Math.min(height, Math.ceil(bottom - 0.5));
  const x0 = Math.max(0, Math.ceil(left - 0.5));
  const x1 = Math.min(width, Math.ceil(right - 0.5));
  if (x1 <= x0) return;
  for (let y = y0; y < y1; y++) sink(y, x0, x1);
}

/**
 * Even-odd fill of a closed polygon (a lasso; the last point joins the first). Half-open at the lower and right
 * edges so two polygons sharing an edge never both cover a pixel. Uses an edge table, so a lasso of thousands of
 * points costs O(rows × crossings), not O(rows × points).
 */
export function polygonSpans(points: readonly Point[], width: number, height: number, sink: SpanSink): void {
  const n = points.length;
  if (n < 3) return;
  // Edges as (x at the top, dx per unit y, first row, last row + 1), bucketed by first row.
  const ex = new Float64Array(n);
  const ey = new Float64Array(n);
  const slope = new Float64Array(n);
  const rowEnd = new Int32Array(n);
  const buckets = new Map<number, number[]>();
  let yMin = Infinity;
  let yMax = -Infinity;
  let edges = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i] as Point;
    const q = points[(i + 1) % n] as Point;
    if (p.y === q.y) continue;
    const [top, bottom] = p.y < q.y ? [p, q] : [q, p];
    const first = Math.max(0, Math.ceil(top.y - 0.5));
    const last = Math.min(height, Math.ceil(bottom.y - 0.5)); // exclusive
    if (last <= first) continue;
    ex[edges] = top.x;
    ey[edges] = top.y;
    slope[edges] = (bottom.x - top.x) / (bottom.y - top.y);
    rowEnd[edges] = last;
    const bucket = buckets.get(first);
    if (bucket) bucket.push(edges);
    else buckets.set(first, [edges]);
    if (first < yMin) yMin = first;
    if (last > yMax) yMax = last;
    edges++;
  }
  if (edges === 0) return;
  let active: number[] = [];
  const xs = new Float64Array(edges);
  for (let y = yMin; y < yMax; y++) {
    const starting = buckets.get(y);
    if (starting) active.push(...starting);
    active = active.filter((e) => (rowEnd[e] ?? 0) > y);
    const cy = y + 0.5;
    let k = 0;
    for (const e of active) xs[k++] = (ex[e] ?? 0) + (cy - (ey[e] ?? 0)) * (slope[e] ?? 0);
    const row = xs.subarray(0, k).sort();
    for (let j = 0; j + 1 < k; j += 2) {
      // Centre inside [left, right): ceil(left − 0.5) ≤ x < ceil(right − 0.5).
      const x0 = Math.max(0, Math.ceil((row[j] ?? 0) - 0.5));
      const x1 = Math.min(width, Math.ceil((row[j + 1] ?? 0) - 0.5));
      if (x1 > x0) sink(y, x0, x1);
    }
  }
}
