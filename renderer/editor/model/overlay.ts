// The tinted overlay the canvas draws over the photo: RGBA (ImageData layout, not premultiplied) for a rectangle
// of the label map, so a brush stroke repaints only its dirty rectangle. Pure; the canvas glue lives elsewhere.
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

export interface OverlayTarget {
  /** Pixels per row of `out`; default: the rectangle's width (an ImageData of exactly the rectangle). */
  width?: number;
  /** Where the rectangle's top-left pixel goes in `out`; default (0, 0). */
  x?: number;
  y?: number;
}

/**
 * Writes the overlay of `rect` (clipped to the map) into `out`. With the default target, `out` has
 * rect.width × rect.height × 4 bytes and suits `new ImageData(out, rect.width)` + putImageData(rect.x, rect.y).
 */
export function writeOverlay(
  labels: { readonly width: number; readonly height: number; readonly data: Uint8Array },
  rect: Rect,
  palette: OverlayPalette,
  out: Uint8ClampedArray,
  target: OverlayTarget = {},
): void {
  const x0 = Math.max(0, rect.x);
  const y0 = Math.max(0, rect.y);
  const x1 = Math.min(labels.width, rect.x + rect.width);
  const y1 = Math.min(labels.height, rect.y + rect.height);
  if (x1 <= x0 || y1 <= y0) return;
  const stride = target.width ?? rect.width;
  const ox = (target.x ?? 0) + (x0 - rect.x);
  const oy = (target.y ?? 0) + (y0 - rect.y);
  if (ox < 0 || oy < 0 || ox + (x1 - x0) > stride || (oy + (y1 - y0)) * stride * 4 > out.length) {
    throw new RangeError('overlay target is too small for the rectangle');
  }
  const data = labels.data;
  const w = labels.width;
  if (out.byteOffset % 4 === 0) {
    const px = new Uint32Array(out.buffer, out.byteOffset, out.length >> 2);
    for (let y = y0; y < y1; y++) {
      let o = (oy + y - y0) * stride + ox;
      for (let i = y * w + x0, end = y * w + x1; i < end; i++) px[o++] = palette[data[i] as number] as number;
    }
    return;
  }
  const bytes = new Uint8Array(palette.buffer);
  for (let y = y0; y < y1; y++) {
    let o = ((oy + y - y0) * stride + ox) * 4;
    for (let i = y * w + x0, end = y * w + x1; i < end; i++) {
      const p = (data[i] as number) * 4;
      out[o++] = bytes[p] ?? 0;
      out[o++] = bytes[p + 1] ?? 0;
      out[o++] = bytes[p + 2] ?? 0;
      out[o++] = bytes[p + 3] ?? 0;
    }
  }
}
