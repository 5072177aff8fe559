import { describe, expect, it } from 'vitest';
import { unzlibSync, zlibSync } from 'fflate';
import { PngDecodeError, crc32, decodeGrayPng, encodeGrayPng, wrapGrayPng } from './png';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array }[] = [];
  for (let pos = 8; pos < png.length; ) {
    const len = view.getUint32(pos);
    out.push({ type: String.fromCharCode(...png.subarray(pos + 4, pos + 8)), data: png.subarray(pos + 8, pos + 8 + len) });
    pos += 12 + len;
  }
  return out;
}

const cases: [string, number, number, (x: number, y: number, r: () => number) => number][] = [
  ['1×1 black', 1, 1, () => 0],
  ['1×1 white', 1, 1, () => 255],
  ['one column', 1, 37, (_x, y) => (y % 5 < 2 ? 255 : 0)],
  ['mask-like blob', 301, 211, (x, y) => ((x - 150) ** 2 + (y - 100) ** 2 < 80 ** 2 ? 255 : 0)],
  ['noise', 97, 53, (_x, _y, r) => Math.floor(r() * 256)],
  ['short runs of many values', 300, 40, (x, y, r) => (x % 7 === 0 ? Math.floor(r() * 256) : (x + y) & 255)],
  ['all white, long', 1000, 300, () => 255],
];

describe('encodeGrayPng / decodeGrayPng', () => {
  it.each(cases)('round-trips %s exactly', (_name, width, height, pixel) => {
    const r = rng(width * 31 + height);
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = pixel(x, y, r);
    for (const compressor of ['runs', 'fflate'] as const) {
      const png = encodeGrayPng(width, height, pixels, { compressor });
      const back = decodeGrayPng(png);
      expect(back.width).toBe(width);
      expect(back.height).toBe(height);
      expect(firstDifference(back.pixels, pixels)).toBe(-1);
    }
  });

  it('writes signature, an 8-bit grayscale IHDR, IDAT and IEND, every row with filter 0', () => {
    const pixels = new Uint8Array([0, 255, 255, 0, 0, 0]);
    const png = encodeGrayPng(3, 2, pixels);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([...(list[0]?.data ?? [])]).toEqual([0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0]);
    expect([...unzlibSync(list[1]?.data ?? new Uint8Array())]).toEqual([0, 0, 255, 255, 0, 0, 0, 0]);
  });

  it('survives runs longer than a deflate block and rows (adler-32 of long runs)', () => {
    const width = 3000;
    const height = 2000;
    const pixels = new Uint8Array(width * height);
    pixels.fill(255, 1234, 4_000_000);
    pixels.fill(7, 4_500_000, 4_500_002);
    const back = decodeGrayPng(encodeGrayPng(width, height, pixels));
    expect(firstDifference(back.pixels, pixels)).toBe(-1);
  });

  it('limits Huffman code lengths when symbol frequencies are very skewed (Fibonacci)', () => {
    const r = rng(11);
    const values: number[] = [];
    let [a, b] = [1, 1];
    for (let v = 0; v < 27; v++) {
      for (let k = 0; k < a; k++) values.push(v * 9);
      [a, b] = [b, a + b];
    }
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [values[i], values[j]] = [values[j] ?? 0, values[i] ?? 0];
    }
    const width = 1000;
    const pixels = Uint8Array.from(values.slice(0, width * Math.floor(values.length / width)));
    const back = decodeGrayPng(encodeGrayPng(width, pixels.length / width, pixels));
    expect(firstDifference(back.pixels, pixels)).toBe(-1);
  });

  it('compresses a typical 1024² mask to a few kilobytes', () => {
    const n = 1024;
    const pixels = new Uint8Array(n * n);
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if ((x - 500) ** 2 + (y - 400) ** 2 < 300 ** 2) pixels[y * n + x] = 255;
    expect(encodeGrayPng(n, n, pixels).length).toBeLessThan(16_000);
  });

  it('refuses a pixel buffer of the wrong size', () => {
    expect(() => encodeGrayPng(4, 4, new Uint8Array(15))).toThrow(RangeError);
    expect(() => encodeGrayPng(0, 4, new Uint8Array(0))).toThrow(RangeError);
  });
});

describe('decodeGrayPng', () => {
  it('undoes filter types 1–4 (Sub, Up, Average, Paeth) and split IDAT chunks', () => {
    const width = 23;
    const height = 9;
    const r = rng(5);
    const pixels = Uint8Array.from({ length: width * height }, () => Math.floor(r() * 256));
    const raw = new Uint8Array((width + 1) * height);
    const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : (pixels[y * width + x] ?? 0));
    for (let y = 0; y < height; y++) {
      const filter = y % 5;
      raw[y * (width + 1)] = filter;
      for (let x = 0; x < width; x++) {
        const a = at(x - 1, y);
        const b = at(x, y - 1);
        const c = at(x - 1, y - 1);
        const p = a + b - c;
        const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
        raw[y * (width + 1) + 1 + x] = (at(x, y) - predictor) & 255;
      }
    }
    const png = wrapGrayPng(width, height, zlibSync(raw));
    expect(firstDifference(decodeGrayPng(png).pixels, pixels)).toBe(-1);

    // The same stream split over two IDAT chunks.
    const list = chunks(png);
    const data = list[1]?.data ?? new Uint8Array();
    const half = data.length >> 1;
    const split = rebuild(list[0]?.data ?? new Uint8Array(), [data.subarray(0, half), data.subarray(half)]);
    expect(firstDifference(decodeGrayPng(split).pixels, pixels)).toBe(-1);
  });

  it('rejects a bad CRC, a non-PNG, and colour types it does not write', () => {
    const png = encodeGrayPng(2, 2, new Uint8Array([1, 2, 3, 4]));
    const broken = png.slice();
    broken[20] = (broken[20] ?? 0) ^ 1; // inside IHDR data
    expect(() => decodeGrayPng(broken)).toThrow(PngDecodeError);
    expect(() => decodeGrayPng(new Uint8Array([1, 2, 3]))).toThrow(PngDecodeError);
    const ihdr = chunks(png)[0]?.data.slice() ?? new Uint8Array();
    ihdr[9] = 2; // truecolour
    expect(() => decodeGrayPng(rebuild(ihdr, [chunks(png)[1]?.data ?? new Uint8Array()]))).toThrow(/colour type 2/);
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

/** A PNG with the given IHDR data and IDAT chunks, CRCs computed. */
function rebuild(ihdr: Uint8Array, idats: Uint8Array[]): Uint8Array {
  const parts: number[] = [137, 80, 78, 71, 13, 10, 26, 10];
  const add = (type: string, data: Uint8Array) => {
    const body = [...type].map((c) => c.charCodeAt(0)).concat([...data]);
    const len = data.length;
    parts.push(len >>> 24, (len >>> 16) & 255, (len >>> 8) & 255, len & 255, ...body);
    const crc = crc32(Uint8Array.from(body));
    parts.push(crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255);
  };
  add('IHDR', ihdr);
  for (const d of idats) add('IDAT', d);
  add('IEND', new Uint8Array());
  return Uint8Array.from(parts);
}

/** Index of the first differing byte, -1 when equal (deep equality of huge arrays is too slow in expect). */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}
