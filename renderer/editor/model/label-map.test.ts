import { describe, expect, it } from 'vitest';
import type { Point, Rect } from '../../../shared/editor/geometry';
import { LabelMap } from './label-map';
import { History } from './history';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every pixel count must match a recount from scratch. */
function expectCountsExact(map: LabelMap): void {
  const fresh = new LabelMap(map.width, map.height, { data: map.data });
  for (let l = 0; l <= 7; l++) expect(map.countPixels(l)).toBe(fresh.countPixels(l));
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

function insideEvenOdd(p: Point, poly: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

describe('stampStroke', () => {
  it('paints a disc by pixel centres: radius 10 at (50,50) covers rows/columns 40..59', () => {
    const map = new LabelMap(100, 100);
    const rect = map.stampStroke({ x: 50, y: 50 }, { x: 50, y: 50 }, 10, 2);
    expect(map.labelAt(50, 40)).toBe(2);
    expect(map.labelAt(50, 39)).toBe(0);
    expect(map.labelAt(50, 59)).toBe(2);
    expect(map.labelAt(50, 60)).toBe(0);
    expect(map.labelAt(40, 50)).toBe(2);
    expect(map.labelAt(39, 50)).toBe(0);
    expect(map.labelAt(59, 50)).toBe(2);
    expect(map.labelAt(60, 50)).toBe(0);
    expect(map.labelAt(41, 41)).toBe(0); // the box corner is outside the disc (centre 12 px away)
    expect(map.labelAt(43, 43)).toBe(2); // 9.2 px away
    expect(rect).toEqual({ x: 40, y: 40, width: 20, height: 20 });
    expect(map.stampStroke({ x: 50, y: 50 }, { x: 50, y: 50 }, 10, 2)).toBeNull();
    expectCountsExact(map);
  });

  it('matches a brute-force capsule test exactly for random segments, and stays in the image', () => {
    const r = rng(42);
    for (let k = 0; k < 40; k++) {
      const map = new LabelMap(90, 70);
      const a = { x: r() * 120 - 15, y: r() * 100 - 15 };
      const b = k % 5 === 0 ? a : { x: r() * 120 - 15, y: r() * 100 - 15 };
      const radius = 0.8 + r() * 12;
      map.stampStroke(a, b, radius, 3);
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let y = 0; y < 70; y++) {
        for (let x = 0; x < 90; x++) {
          const inside = segmentDistance({ x: x + 0.5, y: y + 0.5 }, a, b) <= radius;
          if (map.labelAt(x, y) !== (inside ? 3 : 0)) throw new Error(`case ${k}: pixel (${x},${y})`);
          if (inside) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
        }
      }
      expectCountsExact(map);
    }
  });

  it('leaves no gap between far-apart pointer samples of a fast stroke', () => {
    const map = new LabelMap(400, 300);
    const samples = [
      { x: 10, y: 10 },
      { x: 390, y: 40 },
      { x: 20, y: 290 },
    ];
    for (let i = 1; i < samples.length; i++) map.stampStroke(samples[i - 1]!, samples[i]!, 2, 4);
    for (let i = 1; i < samples.length; i++) {
      const a = samples[i - 1]!;
      const b = samples[i]!;
      for (let t = 0; t <= 1; t += 0.001) {
        expect(map.labelAt(Math.floor(a.x + (b.x - a.x) * t), Math.floor(a.y + (b.y - a.y) * t))).toBe(4);
      }
    }
  });

  it('always paints at least one pixel, even with a tiny brush on a pixel corner', () => {
    const map = new LabelMap(10, 10);
    expect(map.stampStroke({ x: 5, y: 5 }, { x: 5, y: 5 }, 0, 1)).not.toBeNull();
    expect(map.countPixels(1)).toBeGreaterThanOrEqual(1);
  });

  it('moves ownership: painting area 3 over area 2 takes the pixels', () => {
    const map = new LabelMap(60, 60);
    map.stampStroke({ x: 20, y: 30 }, { x: 20, y: 30 }, 10, 2);
    const before2 = map.countPixels(2);
    map.stampStroke({ x: 30, y: 30 }, { x: 30, y: 30 }, 10, 3);
    expect(map.labelAt(25, 30)).toBe(3);
    expect(map.labelAt(12, 30)).toBe(2);
    expect(map.countPixels(2)).toBeLessThan(before2);
    expect(map.countPixels(0) + map.countPixels(2) + map.countPixels(3)).toBe(3600);
    expectCountsExact(map);
  });

  it('erases only the given area; painting label 0 wipes everything under the brush', () => {
    const map = new LabelMap(60, 60);
    map.fillRect({ x: 0, y: 0, width: 30, height: 60 }, 2);
    map.fillRect({ x: 30, y: 0, width: 30, height: 60 }, 3);
    const rect = map.stampStroke({ x: 30, y: 30 }, { x: 30, y: 30 }, 8, 2, 'erase');
    expect(map.labelAt(25, 30)).toBe(0);
    expect(map.labelAt(35, 30)).toBe(3);
    expect(rect).toEqual({ x: 22, y: 22, width: 8, height: 16 });
    expect(map.stampStroke({ x: 30, y: 30 }, { x: 30, y: 30 }, 8, 5, 'erase')).toBeNull();
    map.stampStroke({ x: 30, y: 30 }, { x: 30, y: 30 }, 8, 0);
    expect(map.labelAt(35, 30)).toBe(0);
    expectCountsExact(map);
  });

  it('refuses invalid labels and non-finite points', () => {
    const map = new LabelMap(10, 10);
    expect(() => map.stampStroke({ x: 1, y: 1 }, { x: 2, y: 2 }, 3, 8)).toThrow(RangeError);
    expect(() => map.stampStroke({ x: NaN, y: 1 }, { x: 2, y: 2 }, 3, 1)).toThrow(RangeError);
  });
});

describe('fills', () => {
  it('fillRect paints exactly the rectangle, clipped; outside the image changes nothing', () => {
    const map = new LabelMap(20, 10);
    expect(map.fillRect({ x: 15, y: -3, width: 10, height: 5 }, 6)).toEqual({ x: 15, y: 0, width: 5, height: 2 });
    expect(map.countPixels(6)).toBe(10);
    expect(map.labelAt(14, 0)).toBe(0);
    expect(map.labelAt(15, 1)).toBe(6);
    expect(map.labelAt(15, 2)).toBe(0);
    expect(map.fillRect({ x: 30, y: 0, width: 5, height: 5 }, 6)).toBeNull();
  });

  it('fillPolygon matches an even-odd point-in-polygon test at pixel centres (self-intersecting too)', () => {
    const r = rng(7);
    for (let k = 0; k < 30; k++) {
      const map = new LabelMap(80, 60);
      const poly = Array.from({ length: 3 + Math.floor(r() * 9) }, () => ({ x: r() * 100 - 10, y: r() * 80 - 10 }));
      map.fillPolygon(poly, 5);
      for (let y = 0; y < 60; y++) {
        for (let x = 0; x < 80; x++) {
          const inside = insideEvenOdd({ x: x + 0.5, y: y + 0.5 }, poly);
          if (map.labelAt(x, y) !== (inside ? 5 : 0)) throw new Error(`case ${k}: pixel (${x},${y})`);
        }
      }
      expectCountsExact(map);
    }
  });

  it('fillPolygon of a square covers exactly its pixels; fewer than three points do nothing', () => {
    const map = new LabelMap(20, 20);
    const rect = map.fillPolygon(
      [
        { x: 2, y: 3 },
        { x: 7, y: 3 },
        { x: 7, y: 9 },
        { x: 2, y: 9 },
      ],
      1,
    );
    expect(rect).toEqual({ x: 2, y: 3, width: 5, height: 6 });
    expect(map.countPixels(1)).toBe(30);
    expect(map.fillPolygon([{ x: 0, y: 0 }, { x: 10, y: 10 }], 1)).toBeNull();
  });

  it('fillAll takes every pixel; a second call changes nothing', () => {
    const map = new LabelMap(30, 20);
    map.fillRect({ x: 3, y: 4, width: 5, height: 5 }, 2);
    expect(map.fillAll(1)).toEqual({ x: 0, y: 0, width: 30, height: 20 });
    expect(map.countPixels(1)).toBe(600);
    expect(map.fillAll(1)).toBeNull();
    expectCountsExact(map);
  });

  it('fillAll reports only the changed rows and columns', () => {
    const map = new LabelMap(30, 20);
    map.fillAll(1);
    map.fillRect({ x: 3, y: 4, width: 5, height: 2 }, 2);
    expect(map.fillAll(1)).toEqual({ x: 3, y: 4, width: 5, height: 2 });
  });
});

describe('invert, clear, remapLabels', () => {
  it('invert swaps the area with unpainted pixels and leaves other areas alone; twice is a no-op', () => {
    const map = new LabelMap(40, 40);
    map.fillRect({ x: 0, y: 0, width: 10, height: 40 }, 1);
    map.fillRect({ x: 30, y: 0, width: 10, height: 40 }, 3);
    const start = map.snapshot();
    const rect = map.invert(1);
    expect(rect).toEqual({ x: 0, y: 0, width: 30, height: 40 });
    expect(map.labelAt(5, 5)).toBe(0);
    expect(map.labelAt(20, 5)).toBe(1);
    expect(map.labelAt(35, 5)).toBe(3);
    expect(map.countPixels(1)).toBe(800);
    expectCountsExact(map);
    map.invert(1);
    expect(map.snapshot()).toEqual(start);
    expect(() => map.invert(0)).toThrow(RangeError);
  });

  it('invert and remapLabels match a per-pixel reference on random maps of odd widths', () => {
    const r = rng(99);
    for (const [w, h] of [[37, 23], [64, 9], [1, 17], [101, 3]] as const) {
      const data = Uint8Array.from({ length: w * h }, () => (r() < 0.5 ? Math.floor(r() * 8) : 0));
      const map = new LabelMap(w, h, { data });
      map.invert(3);
      expect([...map.data]).toEqual([...data].map((v) => (v === 3 ? 0 : v === 0 ? 3 : v)));
      const mapping = [0, 5, 7, 1, 2, 0, 6, 4];
      const before = map.snapshot();
      map.remapLabels(mapping);
      expect([...map.data]).toEqual([...before].map((v) => mapping[v]));
      expectCountsExact(map);
    }
  });

  it('clear empties one area only', () => {
    const map = new LabelMap(20, 20);
    map.fillRect({ x: 0, y: 0, width: 10, height: 10 }, 2);
    map.fillRect({ x: 10, y: 10, width: 10, height: 10 }, 3);
    expect(map.clear(2)).toEqual({ x: 0, y: 0, width: 10, height: 10 });
    expect(map.countPixels(2)).toBe(0);
    expect(map.countPixels(3)).toBe(100);
    expect(map.clear(2)).toBeNull();
    expectCountsExact(map);
  });

  it('clear gives the same pixels as relabelling the area to unpainted, and undoes exactly', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 20; k++) {
      const data = Uint8Array.from({ length: 37 * 23 }, () => (next() % 4 === 0 ? next() % 8 : (k % 7) + 1));
      const history = new History();
      const map = new LabelMap(37, 23, { data, history });
      const label = (k % 7) + 1;
      const expected = [...data].map((v) => (v === label ? 0 : v));
      history.transact('Clear area', () => map.clear(label));
      expect([...map.data]).toEqual(expected);
      expectCountsExact(map);
      history.undo();
      expect([...map.data]).toEqual([...data]);
      expectCountsExact(map);
    }
  });

  it('remapLabels deletes area 3 (label 4) and shifts the later ones down', () => {
    const map = new LabelMap(8, 1, { data: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]) });
    const rect = map.remapLabels([0, 1, 2, 3, 0, 4, 5, 6]);
    expect([...map.data]).toEqual([0, 1, 2, 3, 0, 4, 5, 6]);
    expect(rect).toEqual({ x: 4, y: 0, width: 4, height: 1 });
    expect(map.remapLabels([0, 1, 2, 3, 4, 5, 6, 7])).toBeNull();
    expect(() => map.remapLabels([0, 9])).toThrow(RangeError);
    expectCountsExact(map);
    // A refused mapping must not leave anything behind for the next operation.
    map.invert(2);
    expect([...map.data]).toEqual([2, 1, 0, 3, 2, 4, 5, 6]);
  });
});

describe('listeners', () => {
  it('hears each changed rectangle', () => {
    const map = new LabelMap(50, 50);
    const heard: Rect[] = [];
    const off = map.onPixelsChanged((r) => heard.push(r));
    map.fillRect({ x: 1, y: 2, width: 3, height: 4 }, 1);
    map.fillRect({ x: 1, y: 2, width: 3, height: 4 }, 1);
    off();
    map.fillAll(2);
    expect(heard).toEqual([{ x: 1, y: 2, width: 3, height: 4 }]);
  });
});
