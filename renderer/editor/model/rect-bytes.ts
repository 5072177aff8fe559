// Copying a rectangle of a row-major one-byte-per-pixel raster (the label map) in and out of a compact buffer.
import type { Rect } from '../../../shared/editor/geometry';

/** The bytes of `rect`, row after row. */
export function readRect(src: Uint8Array, stride: number, rect: Rect): Uint8Array {
  if (rect.x === 0 && rect.width === stride) {
    return src.slice(rect.y * stride, (rect.y + rect.height) * stride);
  }
  const out = new Uint8Array(rect.width * rect.height);
  for (let row = 0; row < rect.height; row++) {
    const from = (rect.y + row) * stride + rect.x;
    out.set(src.subarray(from, from + rect.width), row * rect.width);
  }
  return out;
}

/** Writes `bytes` (as produced by readRect) back into `rect`. */
export function writeRect(dst: Uint8Array, stride: number, rect: Rect, bytes: Uint8Array): void {
  if (rect.x === 0 && rect.width === stride) {
    dst.set(bytes.subarray(0, rect.width * rect.height), rect.y * stride);
    return;
  }
  for (let row = 0; row < rect.height; row++) {
    const at = row * rect.width;
    dst.set(bytes.subarray(at, at + rect.width), (rect.y + row) * stride + rect.x);
  }
}

/** Copies `rect` from `src` to the same place in `dst` (both of the same size). */
export function copyRect(src: Uint8Array, dst: Uint8Array, stride: number, rect: Rect): void {
  if (rect.x === 0 && rect.width === stride) {
    dst.set(src.subarray(rect.y * stride, (rect.y + rect.height) * stride), rect.y * stride);
    return;
  }
  for (let row = 0; row < rect.height; row++) {
    const from = (rect.y + row) * stride + rect.x;
    dst.set(src.subarray(from, from + rect.width), from);
  }
}
