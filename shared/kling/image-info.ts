// What kind of image a byte array holds and how large it is, read from magic bytes and headers only (no decoding),
// so the same check runs in the renderer before upload and in main before submit. Input may be anything a person
// drops on the window: every read is bounds-checked and nothing here throws.

export type SniffedFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'avif' | 'unknown';

/** Other files people mistake for images; recognised only so a message can name them. */
export type OtherFileKind = 'pdf' | 'heic' | 'tiff';

export interface PngHeader {
  bitDepth: number;
  /** IHDR colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colorType: number;
  /** A tRNS chunk before the image data: transparency even for grey or RGB colour types. */
  hasTransparencyChunk: boolean;
}

export interface ImageInfo {
  format: SniffedFormat;
  /** Stored pixel size (before any EXIF rotation). Absent when the header is cut short or unreadable. */
  width?: number;
  height?: number;
  /** EXIF orientation tag (1–8) of a JPEG, when present. */
  exifOrientation?: number;
  /** PNG only: the IHDR fields the mask rules need. */
  png?: PngHeader;
}

const UNKNOWN: ImageInfo = { format: 'unknown' };

const u8 = (b: Uint8Array, o: number): number => b[o] ?? 0;
const u16be = (b: Uint8Array, o: number): number => (u8(b, o) << 8) | u8(b, o + 1);
const u16le = (b: Uint8Array, o: number): number => u8(b, o) | (u8(b, o + 1) << 8);
const u24le = (b: Uint8Array, o: number): number => u16le(b, o) | (u8(b, o + 2) << 16);
const u32be = (b: Uint8Array, o: number): number => ((u8(b, o) << 24) | (u8(b, o + 1) << 16) | (u8(b, o + 2) << 8) | u8(b, o + 3)) >>> 0;
const u32le = (b: Uint8Array, o: number): number => (u8(b, o) | (u8(b, o + 1) << 8) | (u8(b, o + 2) << 16) | (u8(b, o + 3) << 24)) >>> 0;
const i32le = (b: Uint8Array, o: number): number => u32le(b, o) | 0;

function startsWith(b: Uint8Array, at: number, signature: readonly number[] | string): boolean {
  const sig = typeof signature === 'string' ? Array.from(signature, (c) => c.charCodeAt(0)) : signature;
  if (at + sig.length > b.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readImageInfo(bytes: Uint8Array): ImageInfo {
  try {
    if (startsWith(bytes, 0, PNG_SIGNATURE)) return readPng(bytes);
    if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return readJpeg(bytes);
    if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return readWebp(bytes);
    if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return readGif(bytes);
    if (startsWith(bytes, 0, 'BM') && bytes.length >= 26) return readBmp(bytes);
    if (ftypBrands(bytes).some((brand) => brand === 'avif' || brand === 'avis')) return readAvif(bytes);
    return UNKNOWN;
  } catch {
    // The readers are bounds-checked; this only guards against a mistake in them turning bad input into a crash.
    return UNKNOWN;
  }
}

/** PDF, HEIC/HEIF and TIFF, which readImageInfo reports as `unknown`. */
export function sniffOtherFileKind(bytes: Uint8Array): OtherFileKind | undefined {
  if (startsWith(bytes, 0, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 0, 'II*\0') || startsWith(bytes, 0, 'MM\0*')) return 'tiff';
  const brands = ftypBrands(bytes);
  if (!brands.includes('avif') && brands.some((b) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(b))) {
    return 'heic';
  }
  return undefined;
}

function readPng(b: Uint8Array): ImageInfo {
  // The first chunk must be IHDR: length 13, then width, height, bit depth, colour type (PNG spec §11.2.2).
  if (b.length < 8 + 8 + 13 || !startsWith(b, 12, 'IHDR')) return { format: 'png' };
  const png: PngHeader = { bitDepth: u8(b, 24), colorType: u8(b, 25), hasTransparencyChunk: pngHasChunkBeforeData(b, 'tRNS') };
  return { format: 'png', width: u32be(b, 16), height: u32be(b, 20), png };
}

function pngHasChunkBeforeData(b: Uint8Array, type: string): boolean {
  let o = 8;
  while (o + 8 <= b.length) {
    if (startsWith(b, o + 4, 'IDAT') || startsWith(b, o + 4, 'IEND')) return false;
    if (startsWith(b, o + 4, type)) return true;
    o += 12 + u32be(b, o); // length + type + data + CRC
  }
  return false;
}

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG extension) and CC (DAC) share the range but are not frames. */
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers without a length field: TEM, RST0–7, SOI. */
const isStandalone = (marker: number): boolean => marker === 0x01 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7);

function readJpeg(b: Uint8Array): ImageInfo {
  const info: ImageInfo = { format: 'jpeg' };
  let o = 2;
  while (o < b.length && b[o] === 0xff) {
    while (o < b.length && b[o] === 0xff) o++; // a marker may be preceded by any number of 0xFF fill bytes
    if (o >= b.length) break;
    const marker = u8(b, o++);
    if (isStandalone(marker)) continue;
    // EOI or start of scan before any frame header: there is no size to find.
    if (marker === 0xd9 || marker === 0xda) break;
    if (o + 2 > b.length) break;
    const length = u16be(b, o);
    if (length < 2) break;
    const start = o + 2;
    const end = Math.min(o + length, b.length);
    if (isStartOfFrame(marker)) {
      // precision (1), height (2), width (2)
      if (start + 5 <= b.length) {
        info.height = u16be(b, start + 1);
        info.width = u16be(b, start + 3);
      }
      break;
    }
    if (marker === 0xe1 && info.exifOrientation === undefined) {
      const orientation = readExifOrientation(b, start, end);
      if (orientation !== undefined) info.exifOrientation = orientation;
    }
    o += length;
  }
  return info;
}

/** Orientation (tag 0x0112) from IFD0 of an APP1 `Exif\0\0` segment lying in b[start, end). */
function readExifOrientation(b: Uint8Array, start: number, end: number): number | undefined {
  if (!startsWith(b, start, 'Exif\0\0')) return undefined;
  const tiff = start + 6;
  if (tiff + 8 > end) return undefined;
  const little = startsWith(b, tiff, 'II');
  if (!little && !startsWith(b, tiff, 'MM')) return undefined;
  const r16 = (o: number) => (little ? u16le(b, o) : u16be(b, o));
  const r32 = (o: number) => (little ? u32le(b, o) : u32be(b, o));
  if (r16(tiff + 2) !== 42) return undefined;
  const ifd = tiff + r32(tiff + 4);
  if (ifd + 2 > end) return undefined;
  const count = r16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return undefined;
    if (r16(entry) !== 0x0112) continue;
    // Type SHORT (3), count 1: the value sits in the first two bytes of the value field.
    if (r16(entry + 2) !== 3) return undefined;
    const value = r16(entry + 8);
    return value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}

function readWebp(b: Uint8Array): ImageInfo {
  const info: ImageInfo = { format: 'webp' };
  // The first chunk after "WEBP" says which flavour this is (WebP container spec).
  if (startsWith(b, 12, 'VP8 ') && startsWith(b, 23, [0x9d, 0x01, 0x2a]) && b.length >= 30) {
    info.width = u16le(b, 26) & 0x3fff;
    info.height = u16le(b, 28) & 0x3fff;
  } else if (startsWith(b, 12, 'VP8L') && b[20] === 0x2f && b.length >= 25) {
    const bits = u32le(b, 21);
    info.width = (bits & 0x3fff) + 1;
    info.height = ((bits >>> 14) & 0x3fff) + 1;
  } else if (startsWith(b, 12, 'VP8X') && b.length >= 30) {
    info.width = u24le(b, 24) + 1;
    info.height = u24le(b, 27) + 1;
  }
  return info;
}

function readGif(b: Uint8Array): ImageInfo {
  if (b.length < 10) return { format: 'gif' };
  return { format: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
}

function readBmp(b: Uint8Array): ImageInfo {
  const headerSize = u32le(b, 14);
  if (headerSize === 12) return { format: 'bmp', width: u16le(b, 18), height: u16le(b, 20) }; // BITMAPCOREHEADER
  // BITMAPINFOHEADER and later: signed sizes; a negative height means the rows are stored top-down.
  return { format: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
}

/** Major and compatible brands of an ISO-BMFF `ftyp` box at the start of the file (AVIF, HEIC). */
function ftypBrands(b: Uint8Array): string[] {
  if (!startsWith(b, 4, 'ftyp')) return [];
  const size = Math.min(u32be(b, 0), b.length, 256);
  const brands: string[] = [];
  const text = (o: number) => String.fromCharCode(u8(b, o), u8(b, o + 1), u8(b, o + 2), u8(b, o + 3));
  if (size >= 12) brands.push(text(8));
  for (let o = 16; o + 4 <= size; o += 4) brands.push(text(o));
  return brands;
}

/**
 * The first `ispe` (image spatial extent) property box. Walking the full meta/iprp/ipco tree is not worth it for a
 * format Kling refuses anyway; the size only makes the "convert it first" message more precise.
 */
function readAvif(b: Uint8Array): ImageInfo {
  const limit = Math.min(b.length, 64 * 1024);
  for (let o = 4; o + 16 <= limit; o++) {
    if (startsWith(b, o, 'ispe')) return { format: 'avif', width: u32be(b, o + 8), height: u32be(b, o + 12) };
  }
  return { format: 'avif' };
}
