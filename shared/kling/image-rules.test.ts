import { describe, expect, it } from 'vitest';
import { checkImage, formatAspectRatio, formatMegabytes } from './image-rules';
import { bytesOf, concatBytes, encodePng, jpegHeader, padTo } from './test-images';

const MB = 1024 * 1024;

describe('checkImage', () => {
  it('accepts a good JPEG and a good PNG', () => {
    expect(checkImage('startFrame', jpegHeader({ width: 1280, height: 720 }))).toEqual([]);
    expect(checkImage('endFrame', encodePng({ width: 300, height: 300 }))).toEqual([]);
  });

  it('refuses a PDF, naming it', () => {
    expect(checkImage('startFrame', Uint8Array.from(bytesOf.ascii('%PDF-1.7\n%âãÏÓ\n')))).toEqual([
      { field: 'startFrame', rule: 'image.format', message: 'Start frame must be JPG or PNG; this file is a PDF.', severity: 'error' },
    ]);
  });

  it('refuses WebP but still checks its size', () => {
    const le = bytesOf.le32;
    const webp = concatBytes(bytesOf.ascii('RIFF'), le(0), bytesOf.ascii('WEBPVP8X'), le(10), [0, 0, 0, 0], [199, 0, 0], [149, 0, 0]);
    expect(checkImage('endFrame', webp).map((p) => [p.rule, p.message])).toEqual([
      ['image.format', 'End frame must be JPG or PNG; this file is a WebP image.'],
      ['image.minSide', 'Each side of the end frame must be at least 300 px; this image is 200 × 150 px.'],
    ]);
  });

  it('refuses an empty or unrecognised file', () => {
    expect(checkImage('startFrame', new Uint8Array())[0]?.message).toBe('Start frame must be JPG or PNG; this file is empty.');
    expect(checkImage('startFrame', Uint8Array.of(1, 2, 3))[0]?.message).toBe(
      'Start frame must be JPG or PNG; this file is not an image this app recognises.',
    );
  });

  it('refuses a file over 10 MB, with its size', () => {
    const big = padTo(jpegHeader({ width: 4000, height: 3000 }), Math.round(12.4 * MB));
    expect(checkImage('startFrame', big)).toEqual([
      { field: 'startFrame', rule: 'image.maxBytes', message: 'Start frame must be at most 10 MB; this file is 12.4 MB.', severity: 'error' },
    ]);
  });

  it('accepts exactly 10 MB and refuses one byte more', () => {
    const header = jpegHeader({ width: 4000, height: 3000 });
    expect(checkImage('startFrame', padTo(header, 10 * MB))).toEqual([]);
    expect(checkImage('startFrame', padTo(header, 10 * MB + 1))[0]?.message).toBe(
      'Start frame must be at most 10 MB; this file is 10.1 MB.',
    );
  });

  it('refuses a side under 300 px', () => {
    expect(checkImage('startFrame', encodePng({ width: 200, height: 150 }))).toEqual([
      {
        field: 'startFrame',
        rule: 'image.minSide',
        message: 'Each side of the start frame must be at least 300 px; this image is 200 × 150 px.',
        severity: 'error',
      },
    ]);
    expect(checkImage('startFrame', jpegHeader({ width: 300, height: 299 })).map((p) => p.rule)).toEqual(['image.minSide']);
  });

  it('refuses an aspect ratio beyond 2.5:1 either way, and accepts the limits', () => {
    expect(checkImage('startFrame', jpegHeader({ width: 960, height: 300 }))).toEqual([
      {
        field: 'startFrame',
        rule: 'image.aspect',
        message: "The start frame's aspect ratio must be between 1:2.5 and 2.5:1; this image is 3.2:1.",
        severity: 'error',
      },
    ]);
    expect(checkImage('endFrame', jpegHeader({ width: 300, height: 840 }))[0]?.message).toBe(
      "The end frame's aspect ratio must be between 1:2.5 and 2.5:1; this image is 1:2.8.",
    );
    expect(checkImage('startFrame', jpegHeader({ width: 750, height: 300 }))).toEqual([]);
    expect(checkImage('startFrame', jpegHeader({ width: 300, height: 750 }))).toEqual([]);
    expect(checkImage('startFrame', jpegHeader({ width: 751, height: 300 }))[0]?.message).toMatch(/this image is 2\.503:1\.$/);
    expect(checkImage('startFrame', jpegHeader({ width: 757, height: 300 }))[0]?.message).toMatch(/this image is 2\.52:1\.$/);
  });

  it('reports a damaged PNG whose size cannot be read', () => {
    expect(checkImage('startFrame', encodePng({ width: 400, height: 400 }).slice(0, 16))).toEqual([
      {
        field: 'startFrame',
        rule: 'image.unreadable',
        message: 'The size of the start frame cannot be read; the file may be damaged.',
        severity: 'error',
      },
    ]);
  });

  it('warns about an EXIF rotation', () => {
    expect(checkImage('startFrame', jpegHeader({ width: 800, height: 600, orientation: 6 }))).toEqual([
      {
        field: 'startFrame',
        rule: 'image.orientation',
        message: 'The start frame is stored rotated (EXIF orientation 6); Kling may not turn it upright. Save it upright to be sure.',
        severity: 'warning',
      },
    ]);
    expect(checkImage('startFrame', jpegHeader({ width: 800, height: 600, orientation: 1 }))).toEqual([]);
  });

  it('labels masks by their field', () => {
    expect(checkImage('dynamicMasks.2.mask', encodePng({ width: 100, height: 400 }))[0]?.message).toBe(
      'Each side of the dynamic mask 3 must be at least 300 px; this image is 100 × 400 px.',
    );
    expect(checkImage('staticMask', Uint8Array.from(bytesOf.ascii('%PDF-')))[0]?.message).toBe(
      'Static mask must be JPG or PNG; this file is a PDF.',
    );
  });
});

describe('formatting', () => {
  it('formatMegabytes rounds up to a tenth', () => {
    expect(formatMegabytes(10 * MB)).toBe('10 MB');
    expect(formatMegabytes(12.4 * MB)).toBe('12.4 MB');
    expect(formatMegabytes(12.41 * MB)).toBe('12.5 MB');
  });

  it('formatAspectRatio puts the larger side first on its own side', () => {
    expect(formatAspectRatio(1920, 1080)).toBe('1.78:1');
    expect(formatAspectRatio(1080, 1920)).toBe('1:1.78');
    expect(formatAspectRatio(500, 500)).toBe('1:1');
  });
});
