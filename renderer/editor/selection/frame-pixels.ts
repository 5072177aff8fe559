// The decoded start frame the selection tools read pixels from: the image the canvas already shows (set by the
// canvas), so selecting never decodes the photo again. createImageBitmap copies the needed part off the main thread.
import type { Rect } from '../../../shared/editor/geometry';

let current: HTMLImageElement | null = null;

export function setSelectionFrame(image: HTMLImageElement | null): void {
  current = image;
}

/** `region` of the frame (all of it when left out) at full resolution, or null while the photo is not decoded. */
export async function framePixels(width: number, height: number, region?: Rect): Promise<ImageBitmap | null> {
  const image = current;
  if (!image || image.naturalWidth !== width || image.naturalHeight !== height) return null;
  const r = region ?? { x: 0, y: 0, width, height };
  return createImageBitmap(image, r.x, r.y, r.width, r.height);
}
