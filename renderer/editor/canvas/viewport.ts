// Zoom and pan arithmetic. screen = image × scale + (x, y), in CSS pixels of the stage.
import type { Point } from '../../../shared/editor/geometry';
import type { View } from '../store';

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 32;
/** Above this zoom the image is drawn without smoothing, so each image pixel is a crisp square. */
export const PIXELATED_FROM_SCALE = 2;
const FIT_MARGIN = 24;
/**
 * Under a fitted photo: the band where the zoom bar and a selection tool's gesture hint sit over the stage (editor.css
 * .ed-zoombar, selection.css .sel-gestures), so neither covers the photo, even on a small window's short stage.
 */
const FIT_BOTTOM = 60;

export function clampScale(scale: number): number {
  return Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
}

export function fitView(image: { width: number; height: number }, stage: { width: number; height: number }): View {
  const w = Math.max(1, stage.width - 2 * FIT_MARGIN);
  const h = Math.max(1, stage.height - FIT_MARGIN - FIT_BOTTOM);
  const scale = clampScale(Math.min(w / image.width, h / image.height));
  return { scale, x: (stage.width - image.width * scale) / 2, y: FIT_MARGIN + (h - image.height * scale) / 2 };
}

/** Zooms to `scale` keeping the image point under `anchor` (a screen point) where it is. */
export function zoomAt(view: View, scale: number, anchor: Point): View {
  const s = clampScale(scale);
  const ix = (anchor.x - view.x) / view.scale;
  const iy = (anchor.y - view.y) / view.scale;
  return { scale: s, x: anchor.x - ix * s, y: anchor.y - iy * s };
}

export function toImage(view: View, screen: Point): Point {
  return { x: (screen.x - view.x) / view.scale, y: (screen.y - view.y) / view.scale };
}

export function toScreen(view: View, image: Point): Point {
  return { x: image.x * view.scale + view.x, y: image.y * view.scale + view.y };
}

/** The next zoom step for the +/− buttons: powers of √2, so 100 % is always reachable. */
export function stepScale(scale: number, direction: 1 | -1): number {
  const k = Math.log2(scale) * 2;
  const next = direction > 0 ? Math.floor(k + 1e-6) + 1 : Math.ceil(k - 1e-6) - 1;
  return clampScale(2 ** (next / 2));
}
