import { describe, expect, it } from 'vitest';
import { decodeGrayPng } from './png';
import { MaskSizeError, binaryMask, exportMasks, type LabelRaster } from './mask-export';

function raster(width: number, height: number, label: (x: number, y: number) => number): LabelRaster {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = label(x, y);
  return { width, height, data };
}

describe('exportMasks', () => {
  // Static at the left, dynamic area 1 (label 2) a disc, dynamic area 3 (label 4) a bar; 3, 5, 6, 7 unused.
  const r = raster(317, 203, (x, y) =>
    (x - 200) ** 2 + (y - 100) ** 2 < 50 ** 2 ? 2 : y >= 180 && x >= 10 ? 4 : x < 120 ? 1 : 0,
  );

  it('exports one exact 0/255 mask per non-empty area, in label order, at the label map size', () => {
    const masks = exportMasks(r, { frame: { width: 317, height: 203 } });
    expect(masks.map((m) => [m.label, m.kind])).toEqual([
      [1, 'static'],
      [2, 'dynamic'],
      [4, 'dynamic'],
    ]);
    for (const mask of masks) {
      const img = decodeGrayPng(mask.png);
      expect([img.width, img.height]).toEqual([317, 203]);
      const expected = r.data.map((v) => (v === mask.label ? 255 : 0));
      expect(firstDifference(img.pixels, expected)).toBe(-1);
      expect(mask.pixelCount).toBe(r.data.filter((v) => v === mask.label).length);
      expect(firstDifference(img.pixels, binaryMask(r, mask.label))).toBe(-1);
    }
  });

  it('gives the same bytes whether it reads four labels at a time (width a multiple of 4) or one by one', () => {
    // Runs of every length ending at every offset within a word, and single pixels.
    const wide = raster(320, 64, (x, y) => ((x * 7 + y * 3) % 41 < 20 ? 2 + ((x >> 4) % 3) : x % 9 === y % 9 ? 6 : (x + y) % 5 === 0 ? 1 : 0));
    const buffer = new Uint8Array(wide.data.length + 1);
    buffer.set(wide.data, 1);
    const unaligned = { ...wide, data: buffer.subarray(1) }; // same labels, rows not on word boundaries
    const a = exportMasks(wide);
    const b = exportMasks(unaligned);
    expect(a.map((m) => m.label)).toEqual([1, 2, 3, 4, 6]);
    expect(a.map((m) => [m.label, m.pixelCount, Buffer.from(m.png).toString('base64')])).toEqual(
      b.map((m) => [m.label, m.pixelCount, Buffer.from(m.png).toString('base64')]),
    );
    for (const mask of a) expect(firstDifference(decodeGrayPng(mask.png).pixels, binaryMask(wide, mask.label))).toBe(-1);
  });

  it('never marks a pixel white in two masks', () => {
    const masks = exportMasks(r).map((m) => decodeGrayPng(m.png).pixels);
    let doubled = 0;
    for (let i = 0; i < r.data.length; i++) if (masks.filter((p) => p[i] === 255).length > 1) doubled++;
    expect(doubled).toBe(0);
  });

  it('leaves out empty areas, even when asked for them', () => {
    expect(exportMasks(r, { labels: [3, 4] }).map((m) => m.label)).toEqual([4]);
    expect(exportMasks(raster(5, 5, () => 0))).toEqual([]);
  });

  it('refuses masks whose size differs from the start frame (Kling would fail the task later)', () => {
    expect(() => exportMasks(r, { frame: { width: 318, height: 203 } })).toThrow(MaskSizeError);
    expect(() => exportMasks({ width: 4, height: 4, data: new Uint8Array(15) })).toThrow(RangeError);
  });

  it('handles an image that is all one area', () => {
    const all = raster(64, 3, () => 7);
    const [only, ...rest] = exportMasks(all);
    expect(rest).toEqual([]);
    expect(only?.label).toBe(7);
    expect(decodeGrayPng(only?.png ?? new Uint8Array()).pixels.every((v) => v === 255)).toBe(true);
  });
});

/** Index of the first differing byte, -1 when equal (deep equality of huge arrays is too slow in expect). */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}
