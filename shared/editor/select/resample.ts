// Area-average downscaling (each small pixel is the mean of the big pixels under it), the resampling that keeps
// colours true when shrinking a photo several times over, as OpenCV's INTER_AREA does. Done here rather than in
// OpenCV so the full-resolution pixels never have to be copied into the WebAssembly heap.
import type { Rect } from '../geometry';
import { assertRgba, type RgbaImage } from './images';

/**
 * `area` of `image` (all of it when left out; read in place, not copied) shrunk to width × height. The selection
 * worker keeps the whole photo and shrinks only the part around a box.
 */
export function downscaleArea(image: RgbaImage, width: number, height: number, area?: Rect): RgbaImage {
  assertRgba(image);
  const a = area ?? { x: 0, y: 0, width: image.width, height: image.height };
  assertInside(a, image);
  const w = Math.max(1, Math.min(a.width, Math.round(width)));
  const h = Math.max(1, Math.min(a.height, Math.round(height)));
  const src = image.data;
  const out = new Uint8ClampedArray(w * h * 4);
  // Column spans are the same for every row: compute them once.
  const x0 = new Int32Array(w);
  const x1 = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    x0[x] = a.x + Math.floor((x * a.width) / w);
    x1[x] = Math.max(x0[x]! + 1, a.x + Math.floor(((x + 1) * a.width) / w));
  }
  const sums = new Float64Array(w * 4);
  for (let y = 0; y < h; y++) {
    const y0 = a.y + Math.floor((y * a.height) / h);
    const y1 = Math.max(y0 + 1, a.y + Math.floor(((y + 1) * a.height) / h));
    sums.fill(0);
    for (let sy = y0; sy < y1; sy++) {
      const row = sy * image.width * 4;
      for (let x = 0; x < w; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        for (let o = row + x0[x]! * 4, end = row + x1[x]! * 4; o < end; o += 4) {
          r += src[o]!;
          g += src[o + 1]!;
          b += src[o + 2]!;
          a += src[o + 3]!;
        }
        sums[x * 4]! += r;
        sums[x * 4 + 1]! += g;
        sums[x * 4 + 2]! += b;
        sums[x * 4 + 3]! += a;
      }
    }
    for (let x = 0; x < w; x++) {
      const n = (x1[x]! - x0[x]!) * (y1 - y0);
      const o = (y * w + x) * 4;
      for (let c = 0; c < 4; c++) out[o + c] = sums[x * 4 + c]! / n;
    }
  }
  return { width: w, height: h, data: out };
}

/** Throws unless `area` is a rectangle of whole pixels inside `image`. */
export function assertInside(area: Rect, image: { width: number; height: number }): void {
  const { x, y, width, height } = area;
  const whole = [x, y, width, height].every(Number.isInteger);
  if (!whole || x < 0 || y < 0 || width < 1 || height < 1 || x + width > image.width || y + height > image.height) {
    throw new RangeError(`area ${x},${y} ${width}×${height} is not inside the ${image.width}×${image.height} image`);
  }
}
