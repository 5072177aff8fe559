// The decoded start frame the selection tools read pixels from: the image the canvas already shows (set by the
// canvas, with the document it belongs to), so selecting never decodes the photo again. createImageBitmap copies
// the photo off the main thread. A request for another document's frame (the photo was replaced while a
// selection was on its way) gets nothing.
import type { EditorDocument } from '../model/document';
import type { PhotoFrame } from './selection-engine';

let current: { image: HTMLImageElement; doc: EditorDocument } | null = null;

export function setSelectionFrame(image: HTMLImageElement | null, doc: EditorDocument | null): void {
  current = image && doc ? { image, doc } : null;
}

/** `doc`'s photo at full resolution, or null while it is not decoded or shown. */
async function framePixels(doc: EditorDocument): Promise<ImageBitmap | null> {
  const shown = current;
  const { width, height } = doc.start;
  if (!shown || shown.doc !== doc || shown.image.naturalWidth !== width || shown.image.naturalHeight !== height) return null;
  return createImageBitmap(shown.image);
}

const generations = new WeakMap<EditorDocument, number>();
let lastGeneration = 0;

/** A number for each document opened in this window: what the selection worker keeps a photo under. */
function documentGeneration(doc: EditorDocument): number {
  let n = generations.get(doc);
  if (n === undefined) {
    n = ++lastGeneration;
    generations.set(doc, n);
  }
  return n;
}

/** `doc`'s photo as the selection engine asks for it: sent to its worker once per document. */
export function photoFrame(doc: EditorDocument): PhotoFrame {
  return { key: documentGeneration(doc), load: () => framePixels(doc) };
}
