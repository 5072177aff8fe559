// Geometry of the crop tool, in the image's own (upright) pixels. Pure, so the rules (aspect kept inside Kling's
// range, sides never under the minimum, the rectangle never leaving the image) are unit-tested without a browser.
import { LIMITS } from '../../../shared/kling/limits';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CropLimits {
  /** Smallest width:height allowed (1:2.5 → 0.4). */
  minAspect: number;
  /** Largest width:height allowed (2.5). */
  maxAspect: number;
  /** Smallest side in pixels. */
  minSide: number;
}

export const KLING_CROP_LIMITS: CropLimits = {
  minAspect: LIMITS.image.minAspect,
  maxAspect: LIMITS.image.maxAspect,
  minSide: LIMITS.image.minSidePx,
};

/** Corner and edge handles, named by compass direction. */
export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The largest centred rectangle of an image `width × height` whose aspect lies within the limits. */
export function initialCrop(width: number, height: number, limits: CropLimits = KLING_CROP_LIMITS): Rect {
  let w = width;
  let h = height;
  if (w / h > limits.maxAspect) w = Math.floor(h * limits.maxAspect);
  else if (w / h < limits.minAspect) h = Math.floor(w / limits.minAspect);
  return { x: Math.floor((width - w) / 2), y: Math.floor((height - h) / 2), width: w, height: h };
}

/** `rect` moved by (dx, dy), kept inside the image. */
export function moveCrop(rect: Rect, dx: number, dy: number, imageWidth: number, imageHeight: number): Rect {
  return {
    ...rect,
    x: Math.round(clamp(rect.x + dx, 0, imageWidth - rect.width)),
    y: Math.round(clamp(rect.y + dy, 0, imageHeight - rect.height)),
  };
}

/**
 * `rect` with `handle` dragged to the image point (px, py); the opposite side or corner stays put. The result keeps
 * its aspect within the limits (the dragged dimension gives way), its sides at least `minSide` and stays inside the
 * image; when no such rectangle exists for this drag the rectangle is returned unchanged.
 */
export function resizeCrop(
  rect: Rect,
  handle: Handle,
  px: number,
  py: number,
  imageWidth: number,
  imageHeight: number,
  limits: CropLimits = KLING_CROP_LIMITS,
): Rect {
  const hx = handle.includes('e') ? 1 : handle.includes('w') ? -1 : 0;
  const hy = handle.includes('s') ? 1 : handle.includes('n') ? -1 : 0;
  // The fixed edges: left for an east handle, right for a west one; top for south, bottom for north.
  const ax = hx > 0 ? rect.x : rect.x + rect.width;
  const ay = hy > 0 ? rect.y : rect.y + rect.height;
  const maxW = hx > 0 ? imageWidth - ax : hx < 0 ? ax : rect.width;
  const maxH = hy > 0 ? imageHeight - ay : hy < 0 ? ay : rect.height;

  let w = hx === 0 ? rect.width : Math.round(clamp(hx > 0 ? px - ax : ax - px, limits.minSide, maxW));
  let h = hy === 0 ? rect.height : Math.round(clamp(hy > 0 ? py - ay : ay - py, limits.minSide, maxH));

  if (hx !== 0 && hy !== 0) {
    // A corner: shrink whichever side makes the rectangle too wide or too tall.
    if (w / h > limits.maxAspect) w = Math.floor(h * limits.maxAspect);
    else if (w / h < limits.minAspect) h = Math.floor(w / limits.minAspect);
  } else if (hx !== 0) {
    w = clamp(w, Math.ceil(h * limits.minAspect), Math.floor(h * limits.maxAspect));
  } else {
    h = clamp(h, Math.ceil(w / limits.maxAspect), Math.floor(w / limits.minAspect));
  }
  const next: Rect = {
    x: hx < 0 ? ax - w : hx > 0 ? ax : rect.x,
    y: hy < 0 ? ay - h : hy > 0 ? ay : rect.y,
    width: w,
    height: h,
  };
  return isValidCrop(next, imageWidth, imageHeight, limits) ? next : rect;
}

export function isValidCrop(r: Rect, imageWidth: number, imageHeight: number, limits: CropLimits = KLING_CROP_LIMITS): boolean {
  const ratio = r.width / r.height;
  return (
    r.x >= 0 &&
    r.y >= 0 &&
    r.x + r.width <= imageWidth &&
    r.y + r.height <= imageHeight &&
    r.width >= limits.minSide &&
    r.height >= limits.minSide &&
    ratio >= limits.minAspect - 1e-9 &&
    ratio <= limits.maxAspect + 1e-9
  );
}

/**
 * `width × height` scaled by `scale` and rounded to whole pixels, with the rounding kept from pushing the aspect
 * outside the limits (1250 × 500 at 0.85 would round to 1063 × 425, which is 2.501:1).
 */
export function scaledSize(width: number, height: number, scale: number, limits: CropLimits = KLING_CROP_LIMITS): { width: number; height: number } {
  const h = Math.max(1, Math.round(height * scale));
  let w = Math.max(1, Math.round(width * scale));
  w = clamp(w, Math.ceil(h * limits.minAspect), Math.floor(h * limits.maxAspect));
  return { width: w, height: h };
}
