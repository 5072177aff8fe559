// Motion preview: each moving area's pixels, cut out of the start frame, slide along its path over the clip's
// duration while the rest stays put, one equal step of time per point sent (the reading "Speed" relies on,
// shared/editor/path-speed.ts). A sketch of the intent, not a prediction of what Kling will render.
import type { Point } from '../../../shared/editor/geometry';
import type { EditorDocument } from '../model/document';

export interface Sprite {
  canvas: HTMLCanvasElement;
  /** Where the sprite sits at t = 0 (its area's bounding box), image pixels. */
  x: number;
  y: number;
  path: readonly Point[];
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Bounding boxes of every label, in one pass over the map. */
function labelBoxes(labels: { width: number; height: number; data: Uint8Array }): Map<number, Box> {
  const boxes = new Map<number, Box>();
  const { width, height, data } = labels;
  for (let y = 0; y < height; y++) {
    let i = y * width;
    const end = i + width;
    while (i < end) {
      const v = data[i] as number;
      let j = i + 1;
      while (j < end && data[j] === v) j++;
      if (v !== 0) {
        const x0 = i - y * width;
        const x1 = j - 1 - y * width;
        const b = boxes.get(v);
        if (!b) boxes.set(v, { x0, y0: y, x1, y1: y });
        else {
          if (x0 < b.x0) b.x0 = x0;
          if (x1 > b.x1) b.x1 = x1;
          b.y1 = y;
        }
      }
      i = j;
    }
  }
  return boxes;
}

export function buildSprites(doc: EditorDocument, image: CanvasImageSource): Sprite[] {
  const boxes = labelBoxes(doc.labels);
  const sprites: Sprite[] = [];
  for (const area of doc.dynamicAreas) {
    const path = doc.sentTrajectoryOf(area.id);
    const box = boxes.get(area.label);
    if (!path || path.length < 2 || !box) continue;
    const w = box.x1 - box.x0 + 1;
    const h = box.y1 - box.y0 + 1;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) continue;
    ctx.drawImage(image, box.x0, box.y0, w, h, 0, 0, w, h);
    const pixels = ctx.getImageData(0, 0, w, h);
    const data = doc.labels.data;
    for (let y = 0; y < h; y++) {
      const row = (box.y0 + y) * doc.labels.width + box.x0;
      for (let x = 0; x < w; x++) if (data[row + x] !== area.label) pixels.data[(y * w + x) * 4 + 3] = 0;
    }
    ctx.putImageData(pixels, 0, 0);
    sprites.push({ canvas, x: box.x0, y: box.y0, path });
  }
  return sprites;
}
