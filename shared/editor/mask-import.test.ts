import { describe, expect, it } from 'vitest';
import { describeSize, sameAspect, thresholdRgba } from './mask-import';

describe('sameAspect', () => {
  const frame = { width: 1280, height: 720 };
  it('takes any size with the frame’s ratio, allowing for rounded sides', () => {
    expect(sameAspect({ width: 1280, height: 720 }, frame)).toBe(true);
    expect(sameAspect({ width: 640, height: 360 }, frame)).toBe(true);
    expect(sameAspect({ width: 3840, height: 2160 }, frame)).toBe(true);
    expect(sameAspect({ width: 100, height: 56 }, frame)).toBe(true); // 56.25 rounded down
    expect(sameAspect({ width: 1281, height: 720 }, frame)).toBe(true);
  });
  it('refuses another ratio', () => {
    expect(sameAspect({ width: 720, height: 720 }, frame)).toBe(false);
    expect(sameAspect({ width: 720, height: 1280 }, frame)).toBe(false);
    expect(sameAspect({ width: 1280, height: 740 }, frame)).toBe(false);
    expect(sameAspect({ width: 0, height: 740 }, frame)).toBe(false);
  });
});

describe('describeSize', () => {
  it('names the ratio', () => {
    expect(describeSize({ width: 1280, height: 720 })).toBe('1280 × 720 (16:9)');
    expect(describeSize({ width: 1001, height: 700 })).toBe('1001 × 700 (1.430:1)');
  });
});

describe('thresholdRgba', () => {
  it('white and light greys are the area; black, dark greys and transparency (composited to black) are not', () => {
    const rgba = Uint8Array.from([255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255, 127, 127, 127, 255, 255, 0, 0, 255, 0, 255, 0, 255]);
    expect([...thresholdRgba(rgba, 6)]).toEqual([1, 0, 1, 0, 0, 1]);
  });
  it('refuses too few bytes', () => {
    expect(() => thresholdRgba(new Uint8Array(7), 2)).toThrow(RangeError);
  });
});
