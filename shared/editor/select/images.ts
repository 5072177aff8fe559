// Pixel buffers the selection tools work on. RGBA as a canvas gives it (getImageData); masks one byte per pixel,
// 1 = selected, at the same size as the image they belong to.

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row-major, R G B A. */
  readonly data: Uint8Array | Uint8ClampedArray;
}

export interface Mask {
  readonly width: number;
  readonly height: number;
  /** width × height bytes: 1 = selected, 0 = not. */
  readonly data: Uint8Array;
}

export function assertRgba(image: RgbaImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image size must be positive integers, got ${width}×${height}`);
  }
  if (data.length !== width * height * 4) throw new RangeError(`expected ${width * height * 4} RGBA bytes, got ${data.length}`);
}

/** Intersection over union of two same-sized masks (any non-zero byte counts as selected); 1 when both are empty. */
export function intersectionOverUnion(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`masks differ in size: ${a.length} vs ${b.length}`);
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] !== 0;
    const y = b[i] !== 0;
    if (x && y) both++;
    if (x || y) either++;
  }
  return either === 0 ? 1 : both / either;
}

/** The smallest rectangle holding every selected pixel, or null for an empty mask. */
export function maskBounds(mask: Mask): { x: number; y: number; width: number; height: number } | null {
  const { width, height, data } = mask;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    for (let x = 0; x < width; x++) {
      if (data[row + x]) {
        first = x;
        break;
      }
    }
    if (first < 0) continue;
    let last = width - 1;
    while (!data[row + last]) last--;
    if (first < minX) minX = first;
    if (last > maxX) maxX = last;
    if (y < minY) minY = y;
    maxY = y;
  }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}
