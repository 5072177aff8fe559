import { describe, expect, it } from 'vitest';
import { areaExtent } from './area-extent';

function raster(width: number, height: number, paint: (x: number, y: number) => number) {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = paint(x, y);
  return { width, height, data };
}

describe('areaExtent', () => {
  it('gives the box and the centre of mass of one label, ignoring the others', () => {
    const r = raster(100, 80, (x, y) => (x >= 10 && x < 30 && y >= 20 && y < 60 ? 3 : x > 50 ? 1 : 0));
    expect(areaExtent(r, 3)).toEqual({ box: { x: 10, y: 20, width: 20, height: 40 }, centre: { x: 20, y: 40 }, pixels: 800 });
    expect(areaExtent(r, 1)?.box).toEqual({ x: 51, y: 0, width: 49, height: 80 });
  });

  it('weights the centre by pixels: an L shape’s centre leans to its heavy arm', () => {
    const r = raster(50, 50, (x, y) => ((x < 40 && y < 10) || (x < 10 && y < 20) ? 2 : 0));
    const e = areaExtent(r, 2);
    expect(e?.box).toEqual({ x: 0, y: 0, width: 40, height: 20 });
    expect(e?.centre.x).toBeCloseTo((400 * 20 + 100 * 5) / 500);
    expect(e?.centre.y).toBeCloseTo((400 * 5 + 100 * 15) / 500);
  });

  it('is null for an empty area and refuses a label that does not exist', () => {
    const r = raster(10, 10, () => 0);
    expect(areaExtent(r, 2)).toBeNull();
    expect(() => areaExtent(r, 99)).toThrow(RangeError);
  });
});
