import { describe, expect, it } from 'vitest';
import { makeOverlayPalette, parseColour, surfaceRegion, writeOverlayView, type SurfaceTransform } from './overlay';

const labels = { width: 4, height: 3, data: Uint8Array.from([0, 1, 1, 2, 0, 2, 2, 3, 1, 1, 0, 0]) };
const palette = makeOverlayPalette({
  1: { colour: '#ff8000', alpha: 0.5 },
  2: { colour: [0, 0, 255], alpha: 1 },
  3: { colour: '#0f0', alpha: 1, hidden: true },
});
const T = [0, 0, 0, 0];
const A = [255, 128, 0, 128];
const B = [0, 0, 255, 255];

/** A surface of w × h pixels, drawn whole through `transform`; returned as RGBA bytes per pixel. */
function render(transform: SurfaceTransform, w: number, h: number, region = { x: 0, y: 0, width: w, height: h }): number[][] {
  const out = new Uint32Array(w * h);
  writeOverlayView(labels, palette, transform, out, w, region);
  const bytes = new Uint8Array(out.buffer);
  return Array.from({ length: w * h }, (_, i) => [...bytes.subarray(i * 4, i * 4 + 4)]);
}

describe('writeOverlayView', () => {
  it('at 100 % shows each label as its tint; unpainted and hidden labels are transparent', () => {
    expect(render({ scale: 1, x: 0, y: 0 }, 4, 3)).toEqual([T, A, A, B, T, B, B, T, A, A, T, T]);
  });

  it('pans: the image moves on the surface and what is off the image is transparent', () => {
    expect(render({ scale: 1, x: -1, y: 2 }, 3, 3)).toEqual([T, T, T, T, T, T, A, A, B]);
  });

  it('zoomed in, each image pixel becomes a block of surface pixels (nearest, no smoothing)', () => {
    const seen = render({ scale: 2, x: 0, y: 0 }, 8, 6);
    expect(seen.slice(0, 8)).toEqual([T, T, A, A, A, A, B, B]);
    expect(seen.slice(8, 16)).toEqual(seen.slice(0, 8));
    expect(seen.slice(16, 24)).toEqual([T, T, B, B, B, B, T, T]);
  });

  it('zoomed out, each surface pixel shows the label under its centre', () => {
    // Scale ½: surface pixel (0, 0)'s centre is image (1, 1), pixel (1, 0)'s is (3, 1).
    expect(render({ scale: 0.5, x: 0, y: 0 }, 2, 1)).toEqual([B, T]);
  });

  it('redraws only the region asked for, the same pixels as a whole redraw', () => {
    const transform = { scale: 1.7, x: -0.4, y: 0.3 };
    const whole = render(transform, 7, 6);
    const out = new Uint32Array(7 * 6).fill(0xdeadbeef);
    writeOverlayView(labels, palette, transform, out, 7, { x: 2, y: 1, width: 3, height: 4 });
    const bytes = new Uint8Array(out.buffer);
    for (let y = 0; y < 6; y++) {
      for (let x = 0; x < 7; x++) {
        const px = [...bytes.subarray((y * 7 + x) * 4, (y * 7 + x) * 4 + 4)];
        const inside = x >= 2 && x < 5 && y >= 1 && y < 5;
        expect(inside ? px : 'untouched').toEqual(inside ? whole[y * 7 + x] : 'untouched');
        if (!inside) expect(out[y * 7 + x]).toBe(0xdeadbeef);
      }
    }
  });

  it('clips the region to the surface and refuses a scale of zero', () => {
    const out = new Uint32Array(4);
    writeOverlayView(labels, palette, { scale: 1, x: 0, y: 0 }, out, 2, { x: -5, y: -5, width: 100, height: 100 });
    expect(out[1]).not.toBe(0);
    expect(() => writeOverlayView(labels, palette, { scale: 0, x: 0, y: 0 }, out, 2, { x: 0, y: 0, width: 2, height: 2 })).toThrow(RangeError);
  });
});

describe('surfaceRegion', () => {
  it('covers every surface pixel that shows a pixel of the rectangle, whatever the zoom', () => {
    for (const transform of [
      { scale: 1, x: 0, y: 0 },
      { scale: 0.23, x: 13.4, y: 7.9 },
      { scale: 3.7, x: -40.2, y: -3.3 },
    ]) {
      const surface = { width: 60, height: 40 };
      const rect = { x: 1, y: 0, width: 2, height: 2 };
      const region = surfaceRegion(rect, transform, surface);
      for (let py = 0; py < surface.height; py++) {
        for (let px = 0; px < surface.width; px++) {
          const ix = Math.floor((px + 0.5 - transform.x) / transform.scale);
          const iy = Math.floor((py + 0.5 - transform.y) / transform.scale);
          const shows = ix >= rect.x && ix < rect.x + rect.width && iy >= rect.y && iy < rect.y + rect.height;
          if (!shows) continue;
          expect(region).not.toBeNull();
          expect(px >= region!.x && px < region!.x + region!.width && py >= region!.y && py < region!.y + region!.height).toBe(true);
        }
      }
    }
  });

  it('is null when the rectangle is off the surface', () => {
    expect(surfaceRegion({ x: 10, y: 10, width: 2, height: 2 }, { scale: 1, x: 0, y: 0 }, { width: 5, height: 5 })).toBeNull();
  });
});

describe('parseColour', () => {
  it('reads #rgb and #rrggbb', () => {
    expect(parseColour('#0f8')).toEqual([0, 255, 136]);
    expect(parseColour('#102030')).toEqual([16, 32, 48]);
    expect(() => parseColour('red')).toThrow(RangeError);
  });
});
