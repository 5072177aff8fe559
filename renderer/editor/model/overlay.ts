// The tinted overlay the canvas draws over the photo: RGBA (ImageData layout, not premultiplied), computed for the
// canvas's own pixels through the view's zoom and pan, so its cost follows the screen, not the image, and a brush
// stroke recomputes only the pixels it changed. Pure; the canvas glue lives elsewhere.
import type { Rect } from '../../../shared/editor/geometry';

export interface OverlayStyle {
  /** '#rrggbb', '#rgb' or [r, g, b] (0–255). */
  colour: string | readonly [number, number, number];
  /** Opacity 0–1. */
  alpha: number;
  hidden?: boolean;
}

/** 256 packed RGBA values (one per label value), in this machine's byte order for a Uint32Array view. */
export type OverlayPalette = Uint32Array;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([0x01020304]).buffer)[0] === 0x04;

export function parseColour(colour: OverlayStyle['colour']): [number, number, number] {
  if (typeof colour !== 'string') return [colour[0], colour[1], colour[2]];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (!hex) throw new RangeError(`colour must be #rgb or #rrggbb, got ${colour}`);
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16)];
}

export function packRgba(r: number, g: number, b: number, a: number): number {
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  return LITTLE_ENDIAN
    ? ((c(a) << 24) | (c(b) << 16) | (c(g) << 8) | c(r)) >>> 0
    : ((c(r) << 24) | (c(g) << 16) | (c(b) << 8) | c(a)) >>> 0;
}

/** Palette from per-label styles; labels without a style (and label 0 unless styled) are transparent. */
export function makeOverlayPalette(styles: Readonly<Record<number, OverlayStyle | undefined>>): OverlayPalette {
  const palette = new Uint32Array(256);
  for (const [key, style] of Object.entries(styles)) {
    const label = Number(key);
    if (!style || !Number.isInteger(label) || label < 0 || label > 255 || style.hidden) continue;
    const [r, g, b] = parseColour(style.colour);
    palette[label] = packRgba(r, g, b, style.alpha * 255);
  }
  return palette;
}

/** Where the label map lands on a surface of device pixels: surface = image × scale + (x, y). */
export interface SurfaceTransform {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/** The label map's column under each surface pixel centre px0 … px1 − 1, or −1 off the image. */
function columnsOf(transform: SurfaceTransform, px0: number, px1: number, width: number): Int32Array {
  const cols = new Int32Array(px1 - px0);
  for (let k = 0; k < cols.length; k++) {
    const ix = Math.floor((px0 + k + 0.5 - transform.x) / transform.scale);
    cols[k] = ix >= 0 && ix < width ? ix : -1;
  }
  return cols;
}

/**
 * Writes the overlay as seen through `transform` into `region` of a surface (`out`: packed RGBA, `outWidth` pixels
 * per row, as a Uint32Array view of an ImageData). Each surface pixel shows the label under its centre (nearest,
 * as a mask is drawn without smoothing); off the image it is transparent. Only the surface's pixels are touched,
 * whatever the image size: a 4096² map shown in a 1300 × 800 canvas costs 1300 × 800 look-ups, and zoomed in, the
 * rows that show the same image row are copied.
 */
export function writeOverlayView(
  labels: { readonly width: number; readonly height: number; readonly data: Uint8Array },
  palette: OverlayPalette,
  transform: SurfaceTransform,
  out: Uint32Array,
  outWidth: number,
  region: Rect,
): void {
  const outHeight = Math.floor(out.length / outWidth);
  const px0 = Math.max(0, region.x);
  const py0 = Math.max(0, region.y);
  const px1 = Math.min(outWidth, region.x + region.width);
  const py1 = Math.min(outHeight, region.y + region.height);
  if (px1 <= px0 || py1 <= py0) return;
  if (!(transform.scale > 0)) throw new RangeError(`overlay scale must be positive, got ${transform.scale}`);
  const cols = columnsOf(transform, px0, px1, labels.width);
  const data = labels.data;
  const n = px1 - px0;
  let previousRow = -2;
  let previousAt = -1;
  for (let py = py0; py < py1; py++) {
    const iy = Math.floor((py + 0.5 - transform.y) / transform.scale);
    const row = iy >= 0 && iy < labels.height ? iy : -1;
    const at = py * outWidth + px0;
    if (row === previousRow) {
      out.copyWithin(at, previousAt, previousAt + n);
    } else if (row < 0) {
      out.fill(0, at, at + n);
    } else {
      const base = row * labels.width;
      for (let k = 0; k < n; k++) {
        const ix = cols[k] as number;
        out[at + k] = ix < 0 ? 0 : (palette[data[base + ix] as number] as number);
      }
    }
    previousRow = row;
    previousAt = at;
  }
}

/**
 * The surface pixels whose centres fall inside the image rectangle `rect` (those writeOverlayView draws from it),
 * with one pixel to spare on each side against rounding, clipped to the surface; null when none.
 */
export function surfaceRegion(rect: Rect, transform: SurfaceTransform, surface: { width: number; height: number }): Rect | null {
  const x0 = Math.max(0, Math.ceil(rect.x * transform.scale + transform.x - 0.5) - 1);
  const y0 = Math.max(0, Math.ceil(rect.y * transform.scale + transform.y - 0.5) - 1);
  const x1 = Math.min(surface.width, Math.ceil((rect.x + rect.width) * transform.scale + transform.x - 0.5) + 1);
  const y1 = Math.min(surface.height, Math.ceil((rect.y + rect.height) * transform.scale + transform.y - 0.5) + 1);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}
