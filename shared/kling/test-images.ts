// Tiny image files built byte by byte for tests: real PNGs (any size, grey/RGB/RGBA, decodable by any viewer) and
// JPEG headers that are valid up to the first scan, which is all header sniffing reads. Test-only; nothing in the
// app imports this file.
import { zlibSync } from 'fflate';
import { crc32 } from '../editor/png';

const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));
const be16 = (n: number): number[] => [(n >>> 8) & 0xff, n & 0xff];
const be32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const le16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];
const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

export function concatBytes(...parts: (Uint8Array | number[])[]): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function pngChunk(type: string, data: Uint8Array | number[]): Uint8Array {
  const typeAndData = concatBytes(ascii(type), data);
  return concatBytes(be32(data.length), typeAndData, be32(crc32(typeAndData)));
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export interface PngOptions {
  width: number;
  height: number;
  /** 0 grey (default), 2 RGB, 4 grey+alpha, 6 RGBA; 8 bits per channel. */
  colorType?: 0 | 2 | 4 | 6;
  /** Channel values of pixel (x, y); default black. */
  pixel?: (x: number, y: number) => number[];
  /** Add a tRNS chunk (transparency for grey/RGB images). */
  transparency?: boolean;
}

/** A complete, valid 8-bit PNG. */
export function encodePng({ width, height, colorType = 0, pixel, transparency = false }: PngOptions): Uint8Array {
  const channels = CHANNELS[colorType] ?? 1;
  const stride = 1 + width * channels;
  const raw = new Uint8Array(stride * height); // filter byte 0 (None) before every row
  if (pixel) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) raw.set(pixel(x, y).slice(0, channels), y * stride + 1 + x * channels);
    }
  }
  return concatBytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', [...be32(width), ...be32(height), 8, colorType, 0, 0, 0]),
    transparency ? pngChunk('tRNS', colorType === 2 ? [0, 0, 0, 0, 0, 0] : [0, 0]) : [],
    pngChunk('IDAT', zlibSync(raw)),
    pngChunk('IEND', []),
  );
}

export interface JpegOptions {
  width: number;
  height: number;
  /** EXIF orientation (1–8) in an APP1 segment. */
  orientation?: number;
  /** TIFF byte order of the EXIF block. */
  byteOrder?: 'II' | 'MM';
  /** Frame marker, default SOF0 (0xC0); e.g. 0xC2 for progressive. */
  sofMarker?: number;
  /** Put a DHT segment (0xC4, inside the SOF range but not a frame) before the frame header. */
  tablesBeforeFrame?: boolean;
}

function segment(marker: number, data: number[]): number[] {
  return [0xff, marker, ...be16(data.length + 2), ...data];
}

function exifApp1(orientation: number, order: 'II' | 'MM'): number[] {
  const u16 = order === 'II' ? le16 : be16;
  const u32 = order === 'II' ? le32 : be32;
  const tiff = [
    ...ascii(order),
    ...u16(42),
    ...u32(8), // IFD0 right after the header
    ...u16(2), // two entries: a harmless one first, so the reader has to walk
    ...u16(0x010f), ...u16(2), ...u32(4), ...ascii('Cam\0'), // Make, ASCII, 4 bytes inline
    ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, // Orientation, SHORT
    ...u32(0), // no next IFD
  ];
  return segment(0xe1, [...ascii('Exif\0\0'), ...tiff]);
}

/** SOI, JFIF, optional EXIF and DHT, a frame header, a start of scan with one byte of data, EOI. */
export function jpegHeader({ width, height, orientation, byteOrder = 'II', sofMarker = 0xc0, tablesBeforeFrame = false }: JpegOptions): Uint8Array {
  return Uint8Array.from([
    0xff, 0xd8,
    ...segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...(orientation !== undefined ? exifApp1(orientation, byteOrder) : []),
    ...(tablesBeforeFrame ? segment(0xc4, [0x00, ...new Array<number>(16).fill(0)]) : []),
    0xff, // a fill byte, which readers must skip
    ...segment(sofMarker, [8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
    ...segment(0xda, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]),
    0x00,
    0xff, 0xd9,
  ]);
}

/** `bytes` followed by zeros up to `length`: a header-valid file of a chosen size (e.g. over 10 MB). */
export function padTo(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(Math.max(length, bytes.length));
  out.set(bytes);
  return out;
}

/** Byte-level helpers for tests that assemble other formats. */
export const bytesOf = { ascii, be16, be32, le16, le32 };
