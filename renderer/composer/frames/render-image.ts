// The pixel work behind the fixes: decode (EXIF orientation applied, as the browser shows it), crop, and encode as
// JPEG or PNG until the file fits Kling's 10 MB. Runs on an OffscreenCanvas; nothing here touches the store.
import { LIMITS } from '../../../shared/kling/limits';
import { scaledSize, type Rect } from './crop-math';
import type { OutputFormat } from './fix-plan';

/** Decode any format Chromium reads, turned upright by its EXIF orientation; undefined when it cannot. */
export async function decodeUpright(bytes: Uint8Array): Promise<ImageBitmap | undefined> {
  try {
    return await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
}

/** Whether any pixel is less than fully opaque. */
export function hasTransparency(bitmap: ImageBitmap): boolean {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return false;
  ctx.drawImage(bitmap, 0, 0);
  const rowsPerBand = Math.max(1, Math.floor(4_000_000 / bitmap.width));
  for (let y = 0; y < bitmap.height; y += rowsPerBand) {
    const data = ctx.getImageData(0, y, bitmap.width, Math.min(rowsPerBand, bitmap.height - y)).data;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 255) < 255) return true;
  }
  return false;
}

export interface Rendered {
  bytes: Uint8Array;
  width: number;
  height: number;
  format: OutputFormat;
  /** JPEG quality used. */
  quality?: number;
  /** < 1 when the image had to be made smaller to fit. */
  scale: number;
}

export interface RenderOptions {
  crop?: Rect;
  output: OutputFormat;
  /** Whether a PNG that does not fit may become a JPEG (only when it has no transparency). */
  jpegFallback: boolean;
  maxBytes?: number;
}

/** JPEG qualities tried at full size, then the smallest one at ever smaller sizes. */
export const JPEG_QUALITIES = [0.92, 0.85, 0.78, 0.7, 0.6] as const;
const SCALE_STEP = 0.85;

export class CannotFitError extends Error {
  override readonly name = 'CannotFitError';
}

/** Encode `bitmap` (cropped) as asked, stepping quality down and then size, until it fits `maxBytes`. */
export async function renderToFit(bitmap: ImageBitmap, options: RenderOptions): Promise<Rendered> {
  const maxBytes = options.maxBytes ?? LIMITS.image.maxBytes;
  const crop = options.crop ?? { x: 0, y: 0, width: bitmap.width, height: bitmap.height };
  const minQuality = JPEG_QUALITIES[JPEG_QUALITIES.length - 1] ?? 0.6;

  const attempts: { format: OutputFormat; quality?: number; scale: number }[] = [];
  if (options.output === 'png') attempts.push({ format: 'png', scale: 1 });
  const jpeg = options.output === 'jpeg' || options.jpegFallback;
  if (jpeg) for (const quality of JPEG_QUALITIES) attempts.push({ format: 'jpeg', quality, scale: 1 });
  for (let scale = SCALE_STEP; ; scale *= SCALE_STEP) {
    const size = scaledSize(crop.width, crop.height, scale);
    if (Math.min(size.width, size.height) < LIMITS.image.minSidePx) break;
    attempts.push(jpeg ? { format: 'jpeg', quality: minQuality, scale } : { format: 'png', scale });
  }

  let canvas: OffscreenCanvas | undefined;
  let canvasScale = -1;
  for (const attempt of attempts) {
    const size = scaledSize(crop.width, crop.height, attempt.scale);
    if (!canvas || canvasScale !== attempt.scale) {
      canvas = new OffscreenCanvas(size.width, size.height);
      canvasScale = attempt.scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('This app could not get a canvas to draw on.');
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, crop.x, crop.y, crop.width, crop.height, 0, 0, size.width, size.height);
    }
    const blob = await canvas.convertToBlob(
      attempt.format === 'jpeg' ? { type: 'image/jpeg', quality: attempt.quality } : { type: 'image/png' },
    );
    if (blob.size <= maxBytes) {
      return {
        bytes: new Uint8Array(await blob.arrayBuffer()),
        width: size.width,
        height: size.height,
        format: attempt.format,
        scale: attempt.scale,
        ...(attempt.quality !== undefined ? { quality: attempt.quality } : {}),
      };
    }
  }
  throw new CannotFitError(`It could not be brought under ${LIMITS.image.maxBytes / 1024 / 1024} MB without going under ${LIMITS.image.minSidePx} px a side.`);
}
