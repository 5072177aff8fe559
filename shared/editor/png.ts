// Grayscale PNG (colour type 0, bit depth 8, no alpha, not interlaced): what Kling's motion brush expects of a mask
// (../shared/kling-api.md, "Motion brush"), and all the editor ever writes or reads back (drafts).
import { unzlibSync, zlibSync } from 'fflate';
import { RunDeflater } from './deflate-runs';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG uses it) of `bytes[start..end)`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 255] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface EncodeGrayPngOptions {
  /**
   * `runs` (default): the run-length deflater, a few ms for a 4096² mask. `fflate`: fflate's general LZ77, slower
   * (~125 ms for 4096²) but smaller on photographic content, which masks are not.
   */
  compressor?: 'runs' | 'fflate';
  /** fflate level (0–9) when `compressor` is `fflate`. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

function assertSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`PNG size must be positive integers, got ${width}×${height}`);
  }
  if (width > 0x7fffffff || height > 0x7fffffff) throw new RangeError('PNG size too large');
}

/** Encodes `width × height` gray levels (row-major, one byte per pixel) as a PNG, every row with filter type 0. */
export function encodeGrayPng(
  width: number,
  height: number,
  pixels: Uint8Array,
  options: EncodeGrayPngOptions = {},
): Uint8Array {
  assertSize(width, height);
  if (pixels.length !== width * height) {
    throw new RangeError(`expected ${width * height} pixels for ${width}×${height}, got ${pixels.length}`);
  }
  if (options.compressor === 'fflate') {
    const raw = new Uint8Array((width + 1) * height);
    for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
    return wrapGrayPng(width, height, zlibSync(raw, { level: options.level ?? 6 }));
  }
  const deflater = new RunDeflater();
  for (let y = 0; y < height; y++) {
    deflater.pushRun(0, 1); // filter type 0 (None)
    deflater.pushBytes(pixels, y * width, (y + 1) * width);
  }
  return wrapGrayPng(width, height, deflater.finish());
}

/** Wraps a zlib stream of filtered scanlines into a complete grayscale PNG (signature, IHDR, one IDAT, IEND). */
export function wrapGrayPng(width: number, height: number, zlibData: Uint8Array): Uint8Array {
  assertSize(width, height);
  const png = new Uint8Array(8 + (12 + 13) + (12 + zlibData.length) + 12);
  png.set(SIGNATURE, 0);
  let pos = 8;
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grayscale
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  pos = writeChunk(png, pos, 'IHDR', ihdr);
  pos = writeChunk(png, pos, 'IDAT', zlibData);
  writeChunk(png, pos, 'IEND', new Uint8Array(0));
  return png;
}

function writeChunk(png: Uint8Array, pos: number, type: string, data: Uint8Array): number {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  view.setUint32(pos, data.length);
  for (let i = 0; i < 4; i++) png[pos + 4 + i] = type.charCodeAt(i);
  png.set(data, pos + 8);
  view.setUint32(pos + 8 + data.length, crc32(png, pos + 4, pos + 8 + data.length));
  return pos + 12 + data.length;
}

export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export class PngDecodeError extends Error {
  override readonly name = 'PngDecodeError';
}

/**
 * Decodes the PNGs this app writes: grayscale, 8 bits, not interlaced, any of the filter types 0–4, IDAT possibly
 * split over several chunks. Anything else is refused with a PngDecodeError (it did not come from us).
 */
export function decodeGrayPng(bytes: Uint8Array): GrayImage {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new PngDecodeError('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  let sawEnd = false;
  while (pos + 12 <= bytes.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4] ?? 0, bytes[pos + 5] ?? 0, bytes[pos + 6] ?? 0, bytes[pos + 7] ?? 0);
    const dataStart = pos + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) throw new PngDecodeError(`chunk ${type} runs past the end`);
    if (crc32(bytes, pos + 4, dataEnd) !== view.getUint32(dataEnd)) throw new PngDecodeError(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      if (length !== 13) throw new PngDecodeError('bad IHDR');
      width = view.getUint32(dataStart);
      height = view.getUint32(dataStart + 4);
      const [depth, colour, compression, filter, interlace] = bytes.subarray(dataStart + 8, dataStart + 13);
      if (depth !== 8 || colour !== 0) throw new PngDecodeError(`unsupported PNG: colour type ${colour}, depth ${depth}`);
      if (compression !== 0 || filter !== 0 || interlace !== 0) throw new PngDecodeError('unsupported PNG: interlaced');
    } else if (type === 'IDAT') {
      idat.push(bytes.subarray(dataStart, dataEnd));
    } else if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    pos = dataEnd + 4;
  }
  if (width === 0 || height === 0) throw new PngDecodeError('missing IHDR');
  if (!sawEnd) throw new PngDecodeError('missing IEND');
  let compressed: Uint8Array;
  if (idat.length === 1) compressed = idat[0] ?? new Uint8Array(0);
  else {
    compressed = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of idat) {
      compressed.set(c, at);
      at += c.length;
    }
  }
  let raw: Uint8Array;
  try {
    raw = unzlibSync(compressed);
  } catch (e) {
    throw new PngDecodeError(`bad image data: ${e instanceof Error ? e.message : String(e)}`);
  }
  const stride = width + 1;
  if (raw.length < stride * height) throw new PngDecodeError('image data too short');
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * stride];
    const src = y * stride + 1;
    const dst = y * width;
    const up = dst - width; // previous row in `pixels`, already unfiltered
    switch (filter) {
      case 0:
        pixels.set(raw.subarray(src, src + width), dst);
        break;
      case 1: {
        let left = 0;
        for (let x = 0; x < width; x++) left = pixels[dst + x] = ((raw[src + x] ?? 0) + left) & 255;
        break;
      }
      case 2:
        for (let x = 0; x < width; x++) pixels[dst + x] = ((raw[src + x] ?? 0) + (y > 0 ? (pixels[up + x] ?? 0) : 0)) & 255;
        break;
      case 3:
        for (let x = 0; x < width; x++) {
          const a = x > 0 ? (pixels[dst + x - 1] ?? 0) : 0;
          const b = y > 0 ? (pixels[up + x] ?? 0) : 0;
          pixels[dst + x] = ((raw[src + x] ?? 0) + ((a + b) >>> 1)) & 255;
        }
        break;
      case 4:
        for (let x = 0; x < width; x++) {
          const a = x > 0 ? (pixels[dst + x - 1] ?? 0) : 0;
          const b = y > 0 ? (pixels[up + x] ?? 0) : 0;
          const c = x > 0 && y > 0 ? (pixels[up + x - 1] ?? 0) : 0;
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          const pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          pixels[dst + x] = ((raw[src + x] ?? 0) + pred) & 255;
        }
        break;
      default:
        throw new PngDecodeError(`unknown filter type ${filter} in row ${y}`);
    }
  }
  return { width, height, pixels };
}
