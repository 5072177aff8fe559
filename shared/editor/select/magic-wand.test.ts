import { describe, expect, it } from 'vitest';
import type { RgbaImage } from './images';
import { similarColour } from './magic-wand';

/** 8×4: columns 0–3 grey 100, columns 4–5 grey 120, columns 6–7 grey 100 again (cut off by the middle band). */
function bands(): RgbaImage {
  const width = 8;
  const height = 4;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = x === 4 || x === 5 ? 120 : 100;
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}
const count = (m: Uint8Array) => m.reduce((n, v) => n + v, 0);

describe('similarColour (magic wand)', () => {
  it('takes only connected pixels within the tolerance', () => {
    const mask = similarColour(bands(), { x: 1, y: 1 }, 10).data;
    expect(count(mask)).toBe(16);
    expect(mask[6]).toBe(0); // same colour, but not connected
    expect(mask[4]).toBe(0);
  });

  it('goes through a band that the tolerance allows', () => {
    expect(count(similarColour(bands(), { x: 1, y: 1 }, 20).data)).toBe(32);
    expect(count(similarColour(bands(), { x: 1, y: 1 }, 19).data)).toBe(16);
  });

  it('tolerance 0 is exactly the clicked colour; a seed outside selects nothing', () => {
    expect(count(similarColour(bands(), { x: 4, y: 0 }, 0).data)).toBe(8);
    expect(count(similarColour(bands(), { x: -1, y: 0 }, 255).data)).toBe(0);
  });
});
