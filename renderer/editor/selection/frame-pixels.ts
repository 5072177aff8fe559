// The decoded start frame the selection tools read pixels from: the image the canvas already shows (set by the
// canvas, with the document it belongs to), so selecting never decodes the photo again. createImageBitmap copies
// the needed part off the main thread. A request for another document's frame (the photo was replaced while a
// selection was on its way) gets nothing.
import type { Rect } from '../../../shared/editor/geometry';
import type { EditorDocument } from '../model/document';

let current: { image: HTMLImageElement; doc: EditorDocument } | null = null;

export function setSelectionFrame(image: HTMLImageElement | null, doc: EditorDocument | null): void {
  current = image && doc ? { image, doc } : null;
}

/** `region` of `doc`'s frame (all of it when left out) at full resolution, or null while it is not decoded or shown. */
export async function framePixels(doc: EditorDocument, region?: Rect): Promise<ImageBitmap | null> {
  const shown = current;
  const { width, height } = doc.start;
  if (!shown || shown.doc !== doc || shown.image.naturalWidth !== width || shown.image.naturalHeight !== height) return null;
  const r = region ?? { x: 0, y: 0, width, height };
  return createImageBitmap(shown.image, r.x, r.y, r.width, r.height);
}

const generations = new WeakMap<EditorDocument, number>();
let lastGeneration = 0;

/** A number for each document opened in this window: what the selection worker keeps a frame under. */
export function documentGeneration(doc: EditorDocument): number {
  let n = generations.get(doc);
  if (n === undefined) {
    n = ++lastGeneration;
    generations.set(doc, n);
  }
  return n;
}
