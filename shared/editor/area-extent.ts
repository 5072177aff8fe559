// Where an area is: its bounding box and its centre of mass, from the label map in one pass over the rows (runs of
// equal labels, so a mostly empty map costs little more than reading it).
import type { Point, Rect } from './geometry';
import { assertLabel } from './labels';
import type { LabelRaster } from './mask-export';

export interface AreaExtent {
  box: Rect;
  /** The mean of the area's pixel centres: where a preset motion starts. */
  centre: Point;
  pixels: number;
}

/** The area's extent, or null when it has no pixels. */
export function areaExtent(raster: LabelRaster, label: number): AreaExtent | null {
  assertLabel(label);
  const { width, height, data } = raster;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  for (let y = 0; y < height; y++) {
    const base = y * width;
    let i = base;
    const end = base + width;
    while (i < end) {
      if (data[i] !== label) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < end && data[j] === label) j++;
      const a = i - base;
      const b = j - 1 - base;
      const n = j - i;
      if (a < x0) x0 = a;
      if (b > x1) x1 = b;
      if (y < y0) y0 = y;
      y1 = y;
      count += n;
      // Pixel centres a + 0.5 … b + 0.5: their sum is n · (a + b + 1) / 2.
      sumX += (n * (a + b + 1)) / 2;
      sumY += n * (y + 0.5);
      i = j;
    }
  }
  if (count === 0) return null;
  return {
    box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 },
    centre: { x: sumX / count, y: sumY / count },
    pixels: count,
  };
}
