// The start frame the selection tools read pixels from: the one the canvas shows (set by the canvas, with the
// document it belongs to). It is decoded again from the file's bytes: createImageBitmap decodes a Blob off the main
// thread, while from an <img> Chromium copies (and may decode) the whole photo on it, a pause of the canvas at 4096².
// A request for another document's frame (the photo was replaced while a selection was on its way) gets nothing.
import type { EditorDocument } from '../model/document';
import type { PhotoFrame } from './selection-engine';

/** The photo on screen: its image (decoded, for its size) and its file's bytes. */
export interface ShownPhoto {
  image: HTMLImageElement;
  bytes: Uint8Array;
}

let current: { shown: ShownPhoto; doc: EditorDocument } | null = null;

export function setSelectionFrame(shown: ShownPhoto | null, doc: EditorDocument | null): void {
  current = shown && doc ? { shown, doc } : null;
}

/** `doc`'s photo at full resolution, or null while it is not decoded or shown. */
async function framePixels(doc: EditorDocument): Promise<ImageBitmap | null> {
  const c = current;
  const { width, height } = doc.start;
  if (!c || c.doc !== doc || c.shown.image.naturalWidth !== width || c.shown.image.naturalHeight !== height) return null;
  // As the <img> shows it: upright per EXIF (a frame that needs turning is turned before the editor opens on it).
  const bitmap = await createImageBitmap(new Blob([c.shown.bytes as Uint8Array<ArrayBuffer>]), { imageOrientation: 'from-image' });
  if (bitmap.width === width && bitmap.height === height) return bitmap;
  bitmap.close();
  return null;
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
