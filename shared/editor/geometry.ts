// Small geometry vocabulary shared by the editor model (renderer) and the export code (shared).
// Coordinates are TOP-LEFT image pixels: x to the right, y downward; pixel (x, y) covers [x, x+1) × [y, y+1) and
// its centre is (x + 0.5, y + 0.5). The bottom-left convention Kling wants is applied only at export time.

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An integer pixel rectangle; `width` and `height` are at least 1 for a non-empty rectangle. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The smallest rectangle holding both; either may be null (meaning "nothing"). */
export function unionRect(a: Rect | null, b: Rect | null): Rect | null {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}
