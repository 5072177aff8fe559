import { describe, expect, it } from 'vitest';
import { History } from './history';
import { LabelMap } from './label-map';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function expectCountsExact(map: LabelMap): void {
  const fresh = new LabelMap(map.width, map.height, { data: map.data });
  for (let l = 0; l <= 7; l++) expect(map.countPixels(l)).toBe(fresh.countPixels(l));
}

/** One random document change: a multi-stamp stroke in a gesture, or a single whole-map operation. */
function randomEdit(map: LabelMap, history: History, r: () => number): void {
  const label = Math.floor(r() * 8);
  const kind = r();
  if (kind < 0.6) {
    history.begin('Brush');
    let p = { x: r() * map.width, y: r() * map.height };
    const mode = r() < 0.25 ? 'erase' : 'paint';
    for (let i = 0; i < 1 + Math.floor(r() * 12); i++) {
      const q = { x: p.x + (r() - 0.5) * 40, y: p.y + (r() - 0.5) * 40 };
      map.stampStroke(p, q, 1 + r() * 9, label, mode);
      p = q;
    }
    history.commit();
  } else if (kind < 0.7) {
    map.fillPolygon(
      Array.from({ length: 5 }, () => ({ x: r() * map.width, y: r() * map.height })),
      label,
    );
  } else if (kind < 0.8) {
    map.fillAll(label);
  } else if (kind < 0.9) {
    if (label > 0) map.invert(label);
  } else {
    map.remapLabels([0, 1, 3, 2, 0, 5, 6, 7]);
  }
}

describe('History with a LabelMap', () => {
  it('undo and redo restore snapshots pixel for pixel over random edits', () => {
    const r = rng(2024);
    const history = new History();
    const map = new LabelMap(97, 61, { history });
    const snapshots = [map.snapshot()];
    for (let i = 0; i < 60; i++) {
      randomEdit(map, history, r);
      // Edits that change nothing leave no step; keep snapshots aligned with the undo stack.
      if (history.undoDepth === snapshots.length) snapshots.push(map.snapshot());
      expect(history.undoDepth).toBe(snapshots.length - 1);
    }
    for (let i = snapshots.length - 2; i >= 0; i--) {
      expect(history.undo()).toBe(true);
      expect(sameBytes(map.data, snapshots[i]!)).toBe(true);
      expectCountsExact(map);
    }
    expect(history.undo()).toBe(false);
    for (let i = 1; i < snapshots.length; i++) {
      expect(history.redo()).toBe(true);
      expect(sameBytes(map.data, snapshots[i]!)).toBe(true);
    }
    expectCountsExact(map);
    // Edits after undoing part of the way must still round-trip (the map's mark follows undo/redo).
    history.undo();
    history.undo();
    const base = map.snapshot();
    randomEdit(map, history, r);
    map.fillRect({ x: 3, y: 3, width: 9, height: 9 }, 6);
    history.undo();
    history.undo();
    expect(sameBytes(map.data, base)).toBe(true);
  });

  it('records a whole stroke as ONE step holding only the tiles it changed, compressed', () => {
    const history = new History();
    const map = new LabelMap(200, 100, { history });
    history.begin('Brush');
    map.stampStroke({ x: 10, y: 10 }, { x: 50, y: 10 }, 5, 2);
    map.stampStroke({ x: 50, y: 10 }, { x: 50, y: 60 }, 5, 2);
    map.stampStroke({ x: 50, y: 60 }, { x: 52, y: 61 }, 5, 2);
    expect(history.undoDepth).toBe(0);
    const step = history.commit();
    expect(history.undoDepth).toBe(1);
    // The capsules span x 5..56, y 5..65: raw before + after bytes of that box would be 2 × 52 × 61. The step keeps
    // the two 64 × 64 tiles they touch, as runs of labels: a small fraction of that.
    expect(step?.bytes).toBeGreaterThan(0);
    expect(step?.bytes).toBeLessThan((2 * 52 * 61) / 4);
    expect(step?.label).toBe('Brush');
    history.undo();
    expect(map.countPixels(2)).toBe(0);
    expect(map.data.every((v) => v === 0)).toBe(true);
  });

  it('cancel (Escape) puts the pixels back to the mark and records nothing', () => {
    const history = new History();
    const map = new LabelMap(64, 64, { history });
    map.fillRect({ x: 0, y: 0, width: 32, height: 64 }, 1);
    const mark = map.snapshot();
    const heard: number[] = [];
    map.onPixelsChanged((r) => heard.push(r.width * r.height));
    history.begin('Brush');
    map.stampStroke({ x: 10, y: 10 }, { x: 60, y: 60 }, 6, 3);
    map.stampStroke({ x: 60, y: 60 }, { x: 5, y: 60 }, 6, 0);
    history.cancel();
    expect(sameBytes(map.data, mark)).toBe(true);
    expectCountsExact(map);
    expect(history.undoDepth).toBe(1);
    expect(heard.length).toBe(3); // two stamps + the restore
    expect(history.commit).toThrow();
  });

  it('a commit with no change adds no step', () => {
    const history = new History();
    const map = new LabelMap(10, 10, { history });
    history.begin('Brush');
    map.stampStroke({ x: 5, y: 5 }, { x: 5, y: 5 }, 3, 2, 'erase');
    expect(history.commit()).toBeNull();
    expect(history.undoDepth).toBe(0);
  });
});

describe('History caps and plain steps', () => {
  it('keeps at most maxSteps, dropping the oldest', () => {
    const history = new History({ maxSteps: 10 });
    let value = 0;
    for (let i = 1; i <= 25; i++) history.perform(`set ${i}`, () => (value = i), ((prev) => () => (value = prev))(value));
    expect(value).toBe(25);
    expect(history.undoDepth).toBe(10);
    while (history.undo());
    expect(value).toBe(15);
  });

  it('keeps the bytes under maxBytes, dropping the oldest but never the newest step', () => {
    // What one whole-map fill keeps (every fill below keeps the same: one tile, one label before and after).
    const probe = new History();
    new LabelMap(10, 10, { history: probe }).fillAll(1);
    const fill = probe.byteSize;
    expect(fill).toBeGreaterThan(0);
    const history = new History({ maxBytes: 3 * fill });
    const map = new LabelMap(10, 10, { history });
    for (let i = 0; i < 5; i++) map.fillAll(i % 2 === 0 ? 1 : 2);
    expect(history.undoDepth).toBe(3);
    expect(history.byteSize).toBe(3 * fill);
    const tiny = new History({ maxBytes: fill - 1 });
    const other = new LabelMap(10, 10, { history: tiny });
    other.fillAll(1);
    other.fillAll(2);
    expect(tiny.undoDepth).toBe(1);
    tiny.undo();
    expect(other.countPixels(1)).toBe(100);
  });

  it('mixes plain steps and pixels in one gesture; cancel undoes both', () => {
    const history = new History();
    const map = new LabelMap(20, 20, { history });
    let name = 'Area 1';
    history.begin('Paint and rename');
    map.fillRect({ x: 0, y: 0, width: 5, height: 5 }, 2);
    history.perform('Rename', () => (name = 'Boat'), () => (name = 'Area 1'));
    history.commit();
    expect(history.undoDepth).toBe(1);
    expect(history.state.undoLabel).toBe('Paint and rename');
    history.undo();
    expect([name, map.countPixels(2)]).toEqual(['Area 1', 0]);
    history.redo();
    expect([name, map.countPixels(2)]).toEqual(['Boat', 25]);

    history.begin('Oops');
    map.fillAll(3);
    history.perform('Rename', () => (name = 'Sea'), () => (name = 'Boat'));
    history.cancel();
    expect([name, map.countPixels(2), map.countPixels(3)]).toEqual(['Boat', 25, 0]);
    expect(history.undoDepth).toBe(1);
  });

  it('refuses undo during a gesture and clears redo after a new step', () => {
    const history = new History();
    const map = new LabelMap(8, 8, { history });
    map.fillAll(1);
    history.undo();
    expect(history.canRedo).toBe(true);
    history.begin('Brush');
    expect(history.undo()).toBe(false);
    expect(history.redo()).toBe(false);
    map.fillAll(2);
    history.commit();
    expect(history.canRedo).toBe(false);
    expect(() => history.begin('a') === undefined && history.begin('b')).toThrow();
  });

  it('transact commits on return and cancels on throw', () => {
    const history = new History();
    const map = new LabelMap(8, 8, { history });
    history.transact('Fill', () => map.fillAll(1));
    expect(history.undoDepth).toBe(1);
    expect(() =>
      history.transact('Fail', () => {
        map.fillAll(2);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(map.countPixels(1)).toBe(64);
    expect(history.undoDepth).toBe(1);
  });
});
