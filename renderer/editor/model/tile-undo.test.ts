import { describe, expect, it } from 'vitest';
import { History } from './history';
import { LabelMap } from './label-map';
import { TILE, TileRecorder } from './tile-undo';

function sameBytes(a: Uint8Array, b: Uint8Array | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('TileRecorder', () => {
  it('keeps only the tiles that really changed, and puts them back on rollback', () => {
    const data = new Uint8Array(200 * 130);
    const recorder = new TileRecorder(data, 200, 130);
    recorder.willChange(10, 5, 150); // tiles 0..2 of the first row
    data.fill(4, 10 * 200 + 5, 10 * 200 + 60); // only tile 0 changes
    const changes = recorder.seal();
    expect(changes?.rect).toEqual({ x: 0, y: 0, width: TILE, height: TILE });
    expect(recorder.pending).toBe(false);

    recorder.willChange(129, 195, 199); // the bottom-right tile: 8 × 2 pixels (200 − 192, 130 − 128)
    data[129 * 200 + 199] = 6;
    expect(recorder.rollback()).toEqual({ x: 192, y: 128, width: 8, height: 2 });
    expect(data[129 * 200 + 199]).toBe(0);

    changes?.apply('before');
    expect(data.every((v) => v === 0)).toBe(true);
    changes?.apply('after');
    expect(data[10 * 200 + 59]).toBe(4);
  });

  it('a tile is kept once per mark however many times it changes', () => {
    const data = new Uint8Array(64 * 64);
    const recorder = new TileRecorder(data, 64, 64);
    for (let i = 0; i < 10; i++) {
      recorder.willChange(i, 0, 63);
      data.fill(i + 1, i * 64, i * 64 + 64);
    }
    const changes = recorder.seal();
    changes?.apply('before');
    expect(data.every((v) => v === 0)).toBe(true);
  });
});

describe('LabelMap undo by tiles', () => {
  it('a diagonal stroke across a large map keeps a band of tiles, kilobytes instead of its bounding box', () => {
    const history = new History();
    const map = new LabelMap(2048, 2048, { history });
    history.begin('Brush');
    map.stampStroke({ x: 30, y: 30 }, { x: 2000, y: 2000 }, 40, 3);
    const step = history.commit();
    // The bounding box is ~2010² pixels: 8 MB raw before + after.
    expect(step?.bytes).toBeLessThan(64 * 1024);
    history.undo();
    expect(map.countPixels(3)).toBe(0);
    expect(map.data.every((v) => v === 0)).toBe(true);
  });

  it('undo and redo are pixel-exact over random strokes and fills crossing tile edges', () => {
    const r = rng(99);
    const history = new History();
    const map = new LabelMap(333, 201, { history });
    const snapshots = [map.snapshot()];
    for (let i = 0; i < 40; i++) {
      const label = Math.floor(r() * 8);
      if (r() < 0.7) {
        history.begin('Brush');
        let p = { x: r() * 333, y: r() * 201 };
        for (let k = 0; k < 6; k++) {
          const q = { x: p.x + (r() - 0.5) * 200, y: p.y + (r() - 0.5) * 200 };
          map.stampStroke(p, q, 2 + r() * 30, label, r() < 0.2 ? 'erase' : 'paint');
          p = q;
        }
        history.commit();
      } else if (r() < 0.5) {
        map.fillRect({ x: r() * 333, y: r() * 201, width: r() * 200, height: r() * 150 }, label);
      } else if (label > 0) {
        map.invert(label);
      }
      if (history.undoDepth === snapshots.length) snapshots.push(map.snapshot());
    }
    for (let i = snapshots.length - 2; i >= 0; i--) {
      history.undo();
      expect(sameBytes(map.data, snapshots[i])).toBe(true);
    }
    for (let i = 1; i < snapshots.length; i++) {
      history.redo();
      expect(sameBytes(map.data, snapshots[i])).toBe(true);
    }
  });
});
