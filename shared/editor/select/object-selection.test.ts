// Quality of the object select on the test set in e2e/fixtures/objects (real photographs with a cut-out
// composited at a known place; see its NOTICE.md): a box around the object alone must give IoU ≥ 0.9.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGrayPng } from '../png';
import { intersectionOverUnion, maskBounds, type RgbaImage } from './images';
import { ObjectSelection } from './object-selection';
import { openCvReady, type OpenCv, type OpenCvModule } from './opencv';
import { clampBox, cropRgba, placeMask, selectionRegion } from './region';
import { warmUpObjectSelection } from './warm-up';

const FIXTURES = join(import.meta.dirname, '../../../e2e/fixtures/objects');
const CASES = ['horse-on-grass', 'cat-on-brick', 'blob-on-astronaut', 'horse-on-rocket', 'cup-on-gravel'];

function photo(name: string): RgbaImage {
  const { width, height, data } = jpeg.decode(readFileSync(join(FIXTURES, `${name}.jpg`)), { useTArray: true });
  return { width, height, data };
}
function truth(name: string): Uint8Array {
  return decodeGrayPng(readFileSync(join(FIXTURES, `${name}-mask.png`))).pixels;
}

let cv: OpenCv;
beforeAll(async () => {
  const module = createRequire(import.meta.url)('@techstark/opencv-js') as OpenCvModule;
  ({ cv } = await openCvReady(module));
}, 60_000);

/** The box a person drags: the object's bounds with a few pixels of slack. */
function boxAround(mask: Uint8Array, width: number, height: number, slack: number) {
  const b = maskBounds({ width, height, data: mask });
  if (!b) throw new Error('empty mask');
  return clampBox({ x: b.x - slack, y: b.y - slack, width: b.width + 2 * slack, height: b.height + 2 * slack }, width, height)!;
}

describe('object select (GrabCut + edge snapping)', () => {
  const scores: Record<string, number> = {};
  afterAll(() => console.log('IoU', scores));

  it.each(CASES)('a box around the object in %s selects it with IoU ≥ 0.9', (name) => {
    const image = photo(name);
    const known = truth(name);
    const box = boxAround(known, image.width, image.height, 8);
    const region = selectionRegion(box, image.width, image.height);
    // As the selection worker does it: the whole photo, read in place around the box.
    const selection = new ObjectSelection(cv, image, { ...box, x: box.x - region.x, y: box.y - region.y }, { region });
    try {
      const mask = placeMask(selection.select(), region, image.width, image.height);
      scores[name] = Math.round(intersectionOverUnion(mask.data, known) * 1000) / 1000;
      expect(scores[name]).toBeGreaterThanOrEqual(0.9);
    } finally {
      selection.dispose();
    }
  });

  it('a region reaching outside the photo is refused', () => {
    const image = photo('cup-on-gravel');
    const region = { x: image.width - 100, y: 0, width: 200, height: 200 };
    expect(() => new ObjectSelection(cv, image, { x: 10, y: 10, width: 50, height: 50 }, { region })).toThrow(RangeError);
  });

  it('a click refines the result: "not part of it" removes the clicked region, "part of it" brings it back', () => {
    const image = photo('cup-on-gravel');
    const box = clampBox({ x: 130, y: 80, width: 340, height: 340 }, image.width, image.height)!;
    const region = selectionRegion(box, image.width, image.height);
    const selection = new ObjectSelection(cv, cropRgba(image, region), { ...box, x: box.x - region.x, y: box.y - region.y });
    const at = (m: { data: Uint8Array; width: number }, x: number, y: number) => m.data[(y - region.y) * m.width + (x - region.x)];
    try {
      const first = selection.select();
      expect(at(first, 300, 200)).toBe(1);
      const without = selection.hint({ x: 300 - region.x, y: 200 - region.y }, false);
      expect(at(without, 300, 200)).toBe(0);
      const back = selection.hint({ x: 300 - region.x, y: 200 - region.y }, true);
      expect(at(back, 300, 200)).toBe(1);
    } finally {
      selection.dispose();
    }
  });

  it('the warm-up select (run when the engine loads) finds the disc of its made-up photo', () => {
    const mask = warmUpObjectSelection(cv);
    let inside = 0;
    let selected = 0;
    for (let y = 0; y < mask.height; y++) {
      for (let x = 0; x < mask.width; x++) {
        const on = mask.data[y * mask.width + x] === 1;
        selected += on ? 1 : 0;
        if (on && (x - 120) ** 2 + (y - 90) ** 2 < 50 ** 2) inside++;
      }
    }
    const disc = Math.PI * 50 * 50;
    expect(inside / disc).toBeGreaterThan(0.95);
    expect(selected / disc).toBeLessThan(1.05);
  });
});
