// Compact copies of a rectangle of a one-byte-per-pixel raster (the label map), for undo. A label map is runs of a few
// values, so a 64 × 64 tile is usually a handful of (value, length) pairs: a brush stroke's undo step is kilobytes
// where raw bytes were megabytes. Tiles that do not compress (noise) are kept raw, so nothing ever grows by more
// than one byte.
//
// Format: byte 0 is the kind. RAW: the bytes follow, row after row. RUNS: pairs (value, length − 1 as a LEB128
// varint) follow, in row-major order across row ends.
import type { Rect } from '../../../shared/editor/geometry';

const RAW = 0;
const RUNS = 1;

let scratch = new Uint8Array(0);

/** The bytes of `rect` in `src` (row-major, `stride` bytes per row), encoded. */
export function encodeTile(src: Uint8Array, stride: number, rect: Rect): Uint8Array {
  const n = rect.width * rect.height;
  // The runs form stops as soon as it would be larger than the raw form (1 + n bytes).
  if (scratch.length < n + 8) scratch = new Uint8Array(n + 8);
  const out = scratch;
  out[0] = RUNS;
  let o = 1;
  let value = src[rect.y * stride + rect.x] as number;
  let run = 0;
  const flush = (): boolean => {
    // Value byte + a varint of at most 5 bytes; stop where the raw form (1 + n bytes) would be no larger.
    if (o + 6 > n) return false;
    out[o++] = value;
    let rest = run - 1;
    while (rest >= 0x80) {
      out[o++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    out[o++] = rest;
    return true;
  };
  let fits = true;
  const words = wordsOf(src, stride, rect);
  for (let row = 0; row < rect.height && fits; row++) {
    const end = (rect.y + row) * stride + rect.x + rect.width;
    let i = end - rect.width;
    while (i < end) {
      // Four pixels of the current label at once where the rows allow it: most of a tile is one long run (an
      // object select's undo step encodes thousands of tiles, twice each).
      if (words !== null && words[i >> 2] === value * 0x01010101) {
        run += 4;
        i += 4;
        continue;
      }
      // Else pixel by pixel, to the next word boundary (to the row's end without words).
      for (const stop = words !== null ? i + 4 : end; i < stop; i++) {
        const v = src[i] as number;
        if (v === value) {
          run++;
          continue;
        }
        if (!flush()) {
          fits = false;
          break;
        }
        value = v;
        run = 1;
      }
      if (!fits) break;
    }
  }
  if (fits && flush()) return out.slice(0, o);
  const raw = new Uint8Array(1 + n);
  raw[0] = RAW;
  for (let row = 0; row < rect.height; row++) {
    const from = (rect.y + row) * stride + rect.x;
    raw.set(src.subarray(from, from + rect.width), 1 + row * rect.width);
  }
  return raw;
}

/**
 * `src` as 32-bit words when every row of `rect` starts and ends on a word boundary (the label map's tiles whenever
 * the frame's width is a multiple of 4), else null.
 */
function wordsOf(src: Uint8Array, stride: number, rect: Rect): Uint32Array | null {
  if (stride % 4 !== 0 || rect.x % 4 !== 0 || rect.width % 4 !== 0 || src.byteOffset % 4 !== 0) return null;
  return new Uint32Array(src.buffer, src.byteOffset, src.length >> 2);
}

/** Writes an encoded tile back into `rect` of `dst`. */
export function decodeTile(encoded: Uint8Array, dst: Uint8Array, stride: number, rect: Rect): void {
  if (encoded[0] === RAW) {
    for (let row = 0; row < rect.height; row++) {
      const at = 1 + row * rect.width;
      dst.set(encoded.subarray(at, at + rect.width), (rect.y + row) * stride + rect.x);
    }
    return;
  }
  if (encoded[0] !== RUNS) throw new RangeError(`unknown tile encoding ${encoded[0]}`);
  let i = 1;
  let row = 0;
  let col = 0;
  while (i < encoded.length) {
    const value = encoded[i++] as number;
    let run = 0;
    let shift = 0;
    let b: number;
    do {
      b = encoded[i++] as number;
      run |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    run += 1;
    // A run may cross row ends: fill row by row.
    while (run > 0) {
      const take = Math.min(run, rect.width - col);
      const at = (rect.y + row) * stride + rect.x + col;
      dst.fill(value, at, at + take);
      run -= take;
      col += take;
      if (col === rect.width) {
        col = 0;
        row++;
      }
    }
  }
  if (row !== rect.height || col !== 0) throw new RangeError('tile encoding does not cover its rectangle');
}

/** Whether two encodings are the same bytes (encodings are canonical: same pixels ⇔ same encoding). */
export function sameEncoding(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
