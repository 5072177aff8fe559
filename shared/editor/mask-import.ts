// A black-and-white image brought in as an area's mask (from Photoshop, GIMP, a segmentation tool): white = the
// area. Any size is fine as long as it has the start frame's aspect ratio; it is scaled to the frame and
// thresholded. Pure functions here; the decode and the scaling happen in the mask import worker.

export interface PixelSize {
  width: number;
  height: number;
}

/** Grey level (0..255, after compositing on black) from which a pixel counts as white. */
export const MASK_THRESHOLD = 128;

/**
 * Whether `mask` has `frame`'s aspect ratio, allowing for the half pixel either side each of the mask's sides was
 * rounded to when it was made smaller or larger, plus 0.2 % for tools that round once more.
 */
export function sameAspect(mask: PixelSize, frame: PixelSize): boolean {
  if (!(mask.width >= 1 && mask.height >= 1 && frame.width >= 1 && frame.height >= 1)) return false;
  const want = frame.width / frame.height;
  const got = mask.width / mask.height;
  return Math.abs(got - want) / want <= 0.5 / mask.width + 0.5 / mask.height + 0.002;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** "1280 × 720 (16:9)" — the ratio in lowest terms when it is short, else as a decimal. */
export function describeSize({ width, height }: PixelSize): string {
  const d = gcd(width, height);
  const ratio = width / d <= 50 && height / d <= 50 ? `${width / d}:${height / d}` : `${(width / height).toFixed(3)}:1`;
  return `${width} × ${height} (${ratio})`;
}

/**
 * 1 where the RGBA pixel (already composited on black, so transparent = black) is at least MASK_THRESHOLD grey by
 * Rec. 601 luma, else 0. Integer weights: 0/255 masks come back exactly.
 */
export function thresholdRgba(rgba: Uint8ClampedArray | Uint8Array, pixelCount: number): Uint8Array {
  if (rgba.length < pixelCount * 4) throw new RangeError(`expected ${pixelCount * 4} bytes of RGBA, got ${rgba.length}`);
  const out = new Uint8Array(pixelCount);
  const limit = MASK_THRESHOLD * 1000;
  for (let i = 0, j = 0; i < pixelCount; i++, j += 4) {
    const luma = 299 * (rgba[j] as number) + 587 * (rgba[j + 1] as number) + 114 * (rgba[j + 2] as number);
    if (luma >= limit) out[i] = 1;
  }
  return out;
}
