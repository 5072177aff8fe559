// Decodes an imported mask image off the main thread, checks its aspect ratio against the start frame, scales it
// to the frame's exact size (composited on black: transparent = not the area) and thresholds it. The full-size
// decode and its RGBA copy (64 MB at 4096²) live only here, for the moment it takes.
import { describeSize, sameAspect, thresholdRgba, type PixelSize } from '../../../shared/editor/mask-import';

export interface MaskImportRequest {
  id: number;
  source: Blob;
  frame: PixelSize;
}

export type MaskImportResult =
  | { ok: true; size: PixelSize; mask: Uint8Array }
  | { ok: false; reason: 'unreadable' | 'aspect'; message: string };

export type MaskImportReply = MaskImportResult & { id: number };

async function importMask(source: Blob, frame: PixelSize): Promise<MaskImportResult> {
  let bitmap: ImageBitmap;
  try {
    // No colour management or premultiplication: grey levels arrive as stored, so 0/255 stay 0/255.
    bitmap = await createImageBitmap(source, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  } catch {
    return { ok: false, reason: 'unreadable', message: 'This file cannot be read as an image. Use a PNG or JPEG (white = the area).' };
  }
  try {
    const size = { width: bitmap.width, height: bitmap.height };
    if (!sameAspect(size, frame)) {
      return {
        ok: false,
        reason: 'aspect',
        message: `The mask is ${describeSize(size)}; it needs the start frame's aspect ratio, ${describeSize(frame)}. Resize or crop it to that ratio.`,
      };
    }
    const canvas = new OffscreenCanvas(frame.width, frame.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D context in the mask import worker');
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, frame.width, frame.height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, frame.width, frame.height);
    const rgba = ctx.getImageData(0, 0, frame.width, frame.height).data;
    return { ok: true, size, mask: thresholdRgba(rgba, frame.width * frame.height) };
  } finally {
    bitmap.close();
  }
}

self.onmessage = (event: MessageEvent<MaskImportRequest>) => {
  const { id, source, frame } = event.data;
  importMask(source, frame).then(
    (reply) => {
      if (reply.ok) self.postMessage({ id, ...reply }, { transfer: [reply.mask.buffer] });
      else self.postMessage({ id, ...reply });
    },
    (error: unknown) =>
      self.postMessage({ id, ok: false, reason: 'unreadable', message: error instanceof Error ? error.message : String(error) } satisfies MaskImportReply),
  );
};
