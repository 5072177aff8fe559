// Reuse in editor's promise at the level of pixels: masks and paths sent → document → the editor's export gives back
// the same masks pixel for pixel and the same paths, in the same order.
import { describe, expect, it } from 'vitest';
import { decodeGrayPng } from '../../../shared/editor/png';
import { exportInputs } from '../../editor/export-inputs';
import { documentFromSent } from './document-from-sent';

const W = 97;
const H = 61;
const mask = (inside: (x: number, y: number) => boolean) => {
  const m = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (inside(x, y)) m[y * W + x] = 255;
  return m;
};

describe('documentFromSent', () => {
  it('round-trips a still mask and three moving masks with their paths, pixel for pixel', () => {
    const still = mask((x, y) => y > 50 || x < 3);
    const sent = [
      { mask: mask((x, y) => (x - 20) ** 2 + (y - 20) ** 2 < 90), trajectory: [{ x: 20, y: 20 }, { x: 60, y: 22 }, { x: 90, y: 5 }] },
      { mask: mask((x, y) => x > 70 && y < 30 && (x + y) % 3 !== 0), trajectory: [{ x: 80, y: 10 }, { x: 80, y: 40 }] },
      { mask: mask((x, y) => x === 40 && y === 30), trajectory: [{ x: 40, y: 30 }, { x: 41, y: 31 }] },
    ];
    const doc = documentFromSent({ width: W, height: H, source: 'start.png' }, { staticMask: still, dynamic: sent });
    expect(doc.history.state.canUndo).toBe(false);
    const out = exportInputs(doc);
    expect(decodeGrayPng(out.staticMask!).pixels).toEqual(still);
    expect(out.dynamicMasks).toHaveLength(3);
    out.dynamicMasks.forEach((d, i) => {
      expect(decodeGrayPng(d.mask).pixels).toEqual(sent[i]!.mask);
      expect(d.trajectory).toEqual(sent[i]!.trajectory);
    });
  });

  it('opens like a fresh document when nothing was painted', () => {
    const doc = documentFromSent({ width: W, height: H, source: 'start.png' }, { dynamic: [] });
    expect(doc.areas.map((a) => a.kind)).toEqual(['static', 'dynamic']);
    expect(exportInputs(doc)).toEqual({ dynamicMasks: [] });
  });

  it('refuses a mask of another size than the start frame', () => {
    expect(() => documentFromSent({ width: W, height: H, source: 's' }, { dynamic: [{ mask: new Uint8Array(4), trajectory: [] }] })).toThrow(/97×61/);
  });
});
