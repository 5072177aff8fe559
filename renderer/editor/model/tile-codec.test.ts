import { describe, expect, it } from 'vitest';
import { decodeTile, encodeTile, sameEncoding } from './tile-codec';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const W = 150;
const H = 90;

/** A raster of W × H made by `pixel`. */
function raster(pixel: (x: number, y: number) => number): Uint8Array {
  return Uint8Array.from({ length: W * H }, (_, i) => pixel(i % W, Math.floor(i / W)));
}

function roundTrip(src: Uint8Array, rect: { x: number; y: number; width: number; height: number }): Uint8Array {
  const encoded = encodeTile(src, W, rect);
  const dst = new Uint8Array(W * H).fill(99);
  decodeTile(encoded, dst, W, rect);
  let wrong = 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const inside = x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
      if (dst[y * W + x] !== (inside ? src[y * W + x] : 99)) wrong++;
    }
  }
  expect(wrong).toBe(0);
  return encoded;
}

describe('tile codec', () => {
  it('a tile of one label is four bytes (kind, value, run length)', () => {
    const src = raster(() => 3);
    expect(roundTrip(src, { x: 10, y: 5, width: 64, height: 64 }).length).toBe(4);
  });

  it('runs cross row ends and round-trip exactly, edge tiles included', () => {
    const r = rng(7);
    // Blobs of labels: long runs with changes here and there, as painting makes.
    const src = raster((x, y) => ((x + 3 * y) % 37 < 20 ? 2 : Math.floor(x / 30)));
    for (let i = 0; i < 40; i++) {
      const x = Math.floor(r() * W);
      const y = Math.floor(r() * H);
      const rect = { x, y, width: 1 + Math.floor(r() * (W - x)), height: 1 + Math.floor(r() * (H - y)) };
      const encoded = roundTrip(src, rect);
      expect(encoded.length).toBeLessThanOrEqual(1 + rect.width * rect.height);
    }
  });

  it('keeps noise raw, never more than one byte over the pixels', () => {
    const r = rng(3);
    const src = raster(() => Math.floor(r() * 8));
    const encoded = roundTrip(src, { x: 0, y: 0, width: 64, height: 64 });
    expect(encoded.length).toBe(1 + 64 * 64);
    expect(roundTrip(src, { x: 149, y: 89, width: 1, height: 1 }).length).toBe(2);
  });

  it('same pixels give the same encoding, different pixels a different one', () => {
    const a = raster((x) => (x < 70 ? 1 : 2));
    const b = a.slice();
    const rect = { x: 40, y: 20, width: 64, height: 64 };
    expect(sameEncoding(encodeTile(a, W, rect), encodeTile(b, W, rect))).toBe(true);
    b[30 * W + 50] = 5;
    expect(sameEncoding(encodeTile(a, W, rect), encodeTile(b, W, rect))).toBe(false);
  });

  it('refuses an encoding that does not fit its rectangle', () => {
    const encoded = encodeTile(raster(() => 1), W, { x: 0, y: 0, width: 8, height: 8 });
    expect(() => decodeTile(encoded, new Uint8Array(W * H), W, { x: 0, y: 0, width: 8, height: 9 })).toThrow(RangeError);
    expect(() => decodeTile(Uint8Array.of(7), new Uint8Array(W * H), W, { x: 0, y: 0, width: 1, height: 1 })).toThrow(RangeError);
  });
});

describe('tile codec on word-aligned rows (four pixels compared at once)', () => {
  const WIDE = 256;
  /** The same pixels in a raster whose rows are word-aligned and in one whose rows are not (read byte by byte). */
  function both(pixel: (x: number, y: number) => number, height = 80) {
    const aligned = Uint8Array.from({ length: WIDE * height }, (_, i) => pixel(i % WIDE, Math.floor(i / WIDE)));
    const odd = 257;
    const unaligned = Uint8Array.from({ length: odd * height }, (_, i) => (i % odd < WIDE ? pixel(i % odd, Math.floor(i / odd)) : 0));
    return { aligned, unaligned, odd };
  }

  it('encodes exactly as pixel by pixel, for runs that start and stop inside words, noise and single pixels', () => {
    // Noise from the position (both rasters must get the same pixels).
    const noise = (x: number, y: number) => (Math.imul(x * 73856093 ^ y * 19349663, 2654435761) >>> 29) % 8;
    const cases: ((x: number, y: number) => number)[] = [
      () => 4,
      (x, y) => (x + y * 3) % 50 < 23 ? 1 : 6,
      (x) => (x % 7 === 3 ? 2 : 0),
      noise,
      (x, y) => (x === 65 && y === 9 ? 7 : 3),
    ];
    for (const pixel of cases) {
      const { aligned, unaligned, odd } = both(pixel);
      for (const rect of [
        { x: 0, y: 0, width: 64, height: 64 },
        { x: 64, y: 8, width: 64, height: 64 },
        { x: 192, y: 64, width: 64, height: 16 },
        { x: 4, y: 3, width: 12, height: 5 },
      ]) {
        const fast = encodeTile(aligned, WIDE, rect);
        expect(Array.from(fast)).toEqual(Array.from(encodeTile(unaligned, odd, rect)));
        const back = new Uint8Array(WIDE * 80);
        decodeTile(fast, back, WIDE, rect);
        for (let y = rect.y; y < rect.y + rect.height; y++) {
          for (let x = rect.x; x < rect.x + rect.width; x++) expect(back[y * WIDE + x]).toBe(aligned[y * WIDE + x]);
        }
      }
    }
  });

  it('a raster that is a view into a larger buffer at an odd offset is read byte by byte, and right', () => {
    const { aligned } = both((x, y) => (x < 100 + y ? 2 : 5));
    const buffer = new Uint8Array(aligned.length + 1);
    buffer.set(aligned, 1);
    const view = buffer.subarray(1);
    const rect = { x: 64, y: 0, width: 64, height: 64 };
    expect(Array.from(encodeTile(view, WIDE, rect))).toEqual(Array.from(encodeTile(aligned, WIDE, rect)));
  });
});
