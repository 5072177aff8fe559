// Trajectory coordinates. The editor works like every raster API: origin top-left, y downward. Kling's motion brush
// wants integer pixels of the start frame's own resolution with the origin at the BOTTOM-left, y upward
// (../shared/kling-api.md, "Motion brush"). The conversion is the contract's formula, to the letter:
// x = px, y = H − py, rounded, then clamped into [0, W−1] × [0, H−1].

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** A top-left raster position (continuous: 0 … W, 0 … H) → Kling's bottom-left integer pixel. */
export function toKlingPoint(p: Point, size: Size): Point {
  return {
    x: clamp(Math.round(p.x), 0, size.width - 1),
    y: clamp(Math.round(size.height - p.y), 0, size.height - 1),
  };
}

export function toKlingTrajectory(points: readonly Point[], size: Size): Point[] {
  return points.map((p) => toKlingPoint(p, size));
}

/** Kling's bottom-left point → top-left raster position, e.g. to draw a stored trajectory over the start frame. */
export function fromKlingPoint(p: Point, size: Size): Point {
  return { x: p.x, y: size.height - p.y };
}
