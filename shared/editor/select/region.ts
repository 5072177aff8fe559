// Which part of the photo an object select looks at: the user's box with a margin of background around it
// (GrabCut learns "background" from there), clipped to the photo. Also the crop and paste between photo and region.
import type { Rect } from '../geometry';
import type { Mask, RgbaImage } from './images';

/** Margin on each side, as a fraction of the box's larger side, and at least this many pixels. */
const MARGIN = 0.2;
const MIN_MARGIN_PX = 16;

/** The box as whole pixels inside the photo (null when nothing of it is inside). */
export function clampBox(box: Rect, width: number, height: number): Rect | null {
  const x0 = Math.max(0, Math.floor(Math.min(box.x, box.x + box.width)));
  const y0 = Math.max(0, Math.floor(Math.min(box.y, box.y + box.height)));
  const x1 = Math.min(width, Math.ceil(Math.max(box.x, box.x + box.width)));
  const y1 = Math.min(height, Math.ceil(Math.max(box.y, box.y + box.height)));
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

export function selectionRegion(box: Rect, width: number, height: number): Rect {
  const margin = Math.max(MIN_MARGIN_PX, Math.round(Math.max(box.width, box.height) * MARGIN));
  const x0 = Math.max(0, box.x - margin);
  const y0 = Math.max(0, box.y - margin);
  const x1 = Math.min(width, box.x + box.width + margin);
  const y1 = Math.min(height, box.y + box.height + margin);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function cropRgba(image: RgbaImage, rect: Rect): RgbaImage {
  const data = new Uint8ClampedArray(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y++) {
    const from = ((rect.y + y) * image.width + rect.x) * 4;
    data.set(image.data.subarray(from, from + rect.width * 4), y * rect.width * 4);
  }
  return { width: rect.width, height: rect.height, data };
}

/** A region's mask placed into an empty mask of the whole photo. */
export function placeMask(mask: Mask, at: { x: number; y: number }, width: number, height: number): Mask {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < mask.height; y++) {
    data.set(mask.data.subarray(y * mask.width, (y + 1) * mask.width), (at.y + y) * width + at.x);
  }
  return { width, height, data };
}
