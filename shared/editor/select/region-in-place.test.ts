// The selection worker keeps the whole photo and reads the region around a box in place (no 64 MB copy at 4096²):
// shrinking and edge snapping must give, bit for bit, what they give on a copy of that region.
import { describe, expect, it } from 'vitest';
import type { RgbaImage } from './images';
import { cropRgba } from './region';
import { downscaleArea } from './resample';
import { snapToEdges } from './snap';

/** A made-up photo with edges everywhere: a disc over stripes, with noise. */
function photo(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) % 17;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const disc = (x - 230) ** 2 + (y - 160) ** 2 < 90 ** 2;
      data[o] = (disc ? 210 : 40 + ((x >> 3) % 2) * 60) + noise();
      data[o + 1] = (disc ? 70 : 110) + noise();
      data[o + 2] = (disc ? 50 : 90 + ((y >> 4) % 2) * 40) + noise();
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => v === b[i]);

describe('a region read in place', () => {
  const image = photo(400, 300);
  const region = { x: 117, y: 53, width: 241, height: 198 };
  const copy = cropRgba(image, region);

  it('shrinks to the same pixels as a copy of it', () => {
    const inPlace = downscaleArea(image, 61, 50, region);
    const copied = downscaleArea(copy, 61, 50);
    expect([inPlace.width, inPlace.height]).toEqual([61, 50]);
    expect(same(inPlace.data, copied.data)).toBe(true);
    // …and not to the same pixels as the photo's corner (the offset is used).
    expect(same(inPlace.data, downscaleArea(cropRgba(image, { ...region, x: 0, y: 0 }), 61, 50).data)).toBe(false);
  });

  it('snaps a coarse mask to the same full-resolution edges as a copy of it', () => {
    const small = downscaleArea(copy, 61, 50);
    const coarse = new Float32Array(61 * 50);
    // The disc, coarsely: centre (230, 160) r 90 in the photo, in small pixels of the region.
    for (let y = 0; y < 50; y++) {
      for (let x = 0; x < 61; x++) {
        const px = region.x + ((x + 0.5) * region.width) / 61;
        const py = region.y + ((y + 0.5) * region.height) / 50;
        coarse[y * 61 + x] = (px - 230) ** 2 + (py - 160) ** 2 < 90 ** 2 ? 1 : 0;
      }
    }
    const inPlace = snapToEdges(image, small, coarse, {}, region);
    const copied = snapToEdges(copy, small, coarse);
    expect([inPlace.width, inPlace.height]).toEqual([region.width, region.height]);
    expect(same(inPlace.data, copied.data)).toBe(true);
    expect(inPlace.data.some((v) => v === 1) && inPlace.data.some((v) => v === 0)).toBe(true);
  });

  it('refuses a region reaching outside the photo', () => {
    expect(() => downscaleArea(image, 10, 10, { x: 300, y: 0, width: 200, height: 100 })).toThrow(RangeError);
    expect(() => snapToEdges(image, photo(10, 10), new Float32Array(100), {}, { x: 0, y: 250, width: 100, height: 100 })).toThrow(RangeError);
  });
});
