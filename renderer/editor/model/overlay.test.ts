import { describe, expect, it } from 'vitest';
import { makeOverlayPalette, parseColour, writeOverlay } from './overlay';

const labels = { width: 4, height: 3, data: Uint8Array.from([0, 1, 1, 2, 0, 2, 2, 3, 1, 1, 0, 0]) };
const palette = makeOverlayPalette({
  1: { colour: '#ff8000', alpha: 0.5 },
  2: { colour: [0, 0, 255], alpha: 1 },
  3: { colour: '#0f0', alpha: 1, hidden: true },
});
const T = [0, 0, 0, 0];
const A = [255, 128, 0, 128];
const B = [0, 0, 255, 255];

describe('writeOverlay', () => {
  it('writes the tinted RGBA of a rectangle; unpainted and hidden labels are transparent', () => {
    const out = new Uint8ClampedArray(3 * 2 * 4);
    writeOverlay(labels, { x: 1, y: 0, width: 3, height: 2 }, palette, out);
    expect([...out]).toEqual([...A, ...A, ...B, ...B, ...B, ...T]);
  });

  it('writes into a larger buffer at an offset, and through an unaligned view', () => {
    const big = new Uint8ClampedArray(5 * 4 * 4);
    writeOverlay(labels, { x: 0, y: 2, width: 2, height: 1 }, palette, big, { width: 5, x: 3, y: 1 });
    expect([...big.subarray((1 * 5 + 3) * 4, (1 * 5 + 5) * 4)]).toEqual([...A, ...A]);
    expect(big.filter((v) => v !== 0).length).toBe(6);
    const backing = new Uint8ClampedArray(1 + 2 * 4);
    const unaligned = backing.subarray(1);
    writeOverlay(labels, { x: 2, y: 1, width: 2, height: 1 }, palette, unaligned);
    expect([...unaligned]).toEqual([...B, ...T]);
  });

  it('clips the rectangle to the map and refuses a too small target', () => {
    const out = new Uint8ClampedArray(2 * 2 * 4);
    writeOverlay(labels, { x: 3, y: 2, width: 2, height: 2 }, palette, out);
    expect([...out.subarray(0, 4)]).toEqual(T);
    expect(() => writeOverlay(labels, { x: 0, y: 0, width: 4, height: 3 }, palette, out)).toThrow(RangeError);
  });
});

describe('parseColour', () => {
  it('reads #rgb and #rrggbb', () => {
    expect(parseColour('#0f8')).toEqual([0, 255, 136]);
    expect(parseColour('#102030')).toEqual([16, 32, 48]);
    expect(() => parseColour('red')).toThrow(RangeError);
  });
});
