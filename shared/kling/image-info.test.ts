import { describe, expect, it } from 'vitest';
import { readImageInfo, sniffOtherFileKind } from './image-info';
import { bytesOf, concatBytes, encodePng, jpegHeader } from './test-images';

const { ascii, be32, le16, le32 } = bytesOf;

describe('readImageInfo: PNG', () => {
  it('reads size and IHDR fields', () => {
    expect(readImageInfo(encodePng({ width: 640, height: 360, colorType: 2 }))).toEqual({
      format: 'png',
      width: 640,
      height: 360,
      png: { bitDepth: 8, colorType: 2, hasTransparencyChunk: false },
    });
  });

  it('notices a tRNS chunk', () => {
    expect(readImageInfo(encodePng({ width: 4, height: 4, transparency: true })).png?.hasTransparencyChunk).toBe(true);
  });

  it('keeps the format but no size when the header is cut short', () => {
    expect(readImageInfo(encodePng({ width: 640, height: 360 }).slice(0, 20))).toEqual({ format: 'png' });
  });
});

describe('readImageInfo: JPEG', () => {
  it('reads the SOF0 size', () => {
    expect(readImageInfo(jpegHeader({ width: 1920, height: 1080 }))).toEqual({ format: 'jpeg', width: 1920, height: 1080 });
  });

  it('reads progressive (SOF2) frames', () => {
    expect(readImageInfo(jpegHeader({ width: 301, height: 777, sofMarker: 0xc2 }))).toMatchObject({ width: 301, height: 777 });
  });

  it('skips DHT, which sits inside the SOF marker range', () => {
    expect(readImageInfo(jpegHeader({ width: 800, height: 600, tablesBeforeFrame: true }))).toMatchObject({ width: 800, height: 600 });
  });

  it('reads the EXIF orientation in both byte orders', () => {
    expect(readImageInfo(jpegHeader({ width: 800, height: 600, orientation: 6 }))).toEqual({
      format: 'jpeg',
      width: 800,
      height: 600,
      exifOrientation: 6,
    });
    expect(readImageInfo(jpegHeader({ width: 800, height: 600, orientation: 3, byteOrder: 'MM' })).exifOrientation).toBe(3);
  });

  it('ignores an orientation value outside 1–8', () => {
    expect(readImageInfo(jpegHeader({ width: 800, height: 600, orientation: 9 })).exifOrientation).toBeUndefined();
  });

  it('never throws on truncation at any length, and keeps the format', () => {
    const full = jpegHeader({ width: 800, height: 600, orientation: 6, tablesBeforeFrame: true });
    for (let n = 3; n < full.length; n++) {
      const info = readImageInfo(full.slice(0, n));
      expect(info.format).toBe('jpeg');
      if (info.width !== undefined) expect(info).toMatchObject({ width: 800, height: 600 });
    }
  });

  it('gives no size when a scan starts before any frame header', () => {
    expect(readImageInfo(Uint8Array.of(0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9))).toEqual({ format: 'jpeg' });
  });
});

describe('readImageInfo: other formats', () => {
  it('WebP lossy (VP8)', () => {
    const vp8 = [...ascii('VP8 '), ...le32(10), 0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(500), ...le16(400)];
    const webp = concatBytes(ascii('RIFF'), le32(4 + vp8.length), ascii('WEBP'), vp8);
    expect(readImageInfo(webp)).toEqual({ format: 'webp', width: 500, height: 400 });
  });

  it('WebP lossless (VP8L)', () => {
    const bits = (500 - 1) | ((400 - 1) << 14);
    const webp = concatBytes(ascii('RIFF'), le32(0), ascii('WEBP'), ascii('VP8L'), le32(5), [0x2f], le32(bits));
    expect(readImageInfo(webp)).toEqual({ format: 'webp', width: 500, height: 400 });
  });

  it('WebP extended (VP8X)', () => {
    const webp = concatBytes(ascii('RIFF'), le32(0), ascii('WEBP'), ascii('VP8X'), le32(10), [0, 0, 0, 0], [0xf3, 0x01, 0], [0x8f, 0x01, 0]);
    expect(readImageInfo(webp)).toEqual({ format: 'webp', width: 500, height: 400 });
  });

  it('GIF', () => {
    expect(readImageInfo(concatBytes(ascii('GIF89a'), le16(320), le16(240), [0, 0, 0]))).toEqual({ format: 'gif', width: 320, height: 240 });
  });

  it('BMP with a negative (top-down) height', () => {
    const bmp = concatBytes(ascii('BM'), le32(0), le32(0), le32(54), le32(40), le32(640), le32(-480 >>> 0), [1, 0, 24, 0]);
    expect(readImageInfo(bmp)).toEqual({ format: 'bmp', width: 640, height: 480 });
  });

  it('AVIF from its ispe box', () => {
    const ftyp = concatBytes(be32(20), ascii('ftyp'), ascii('avif'), be32(0), ascii('mif1'));
    const ispe = concatBytes(be32(20), ascii('ispe'), be32(0), be32(1200), be32(800));
    expect(readImageInfo(concatBytes(ftyp, ascii('meta'), ispe))).toEqual({ format: 'avif', width: 1200, height: 800 });
  });

  it('unknown for garbage and empty input', () => {
    expect(readImageInfo(new Uint8Array())).toEqual({ format: 'unknown' });
    expect(readImageInfo(Uint8Array.from(ascii('hello world, not an image')))).toEqual({ format: 'unknown' });
    expect(readImageInfo(Uint8Array.from(ascii('%PDF-1.7\n')))).toEqual({ format: 'unknown' });
  });

  it('never throws on random bytes behind real signatures', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const signatures = [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff], ascii('RIFF\0\0\0\0WEBP'), ascii('BM'), ascii('\0\0\0\x18ftypavif')];
    for (let round = 0; round < 500; round++) {
      const sig = signatures[round % signatures.length]!;
      const bytes = concatBytes(sig, Array.from({ length: round % 97 }, random));
      expect(() => readImageInfo(bytes)).not.toThrow();
    }
  });
});

describe('sniffOtherFileKind', () => {
  it('recognises PDF, TIFF and HEIC', () => {
    expect(sniffOtherFileKind(Uint8Array.from(ascii('%PDF-1.4\n')))).toBe('pdf');
    expect(sniffOtherFileKind(Uint8Array.from(ascii('II*\0\x08\0\0\0')))).toBe('tiff');
    expect(sniffOtherFileKind(concatBytes(be32(24), ascii('ftyp'), ascii('heic'), be32(0), ascii('mif1'), ascii('heic')))).toBe('heic');
    expect(sniffOtherFileKind(encodePng({ width: 1, height: 1 }))).toBeUndefined();
  });
});
