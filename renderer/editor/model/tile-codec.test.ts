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
