// A frame as the composer holds it, and the first look at a file a person brought: the rules it breaks (checkImage)
// and the facts a fix depends on (can this browser decode it? has it transparency?), measured once.
import { checkImage } from '../../shared/kling/image-rules';
import { readImageInfo, type ImageInfo } from '../../shared/kling/image-info';
import type { Problem } from '../../shared/kling/problems';
import { decodeUpright, hasTransparency } from './frames/render-image';

export interface Frame {
  fileName: string;
  bytes: Uint8Array;
  /** An object URL for showing the image; revoked when the frame is replaced. */
  url: string;
  /** Stored pixel size: what Kling receives and what mask and trajectory coordinates refer to. */
  width: number;
  height: number;
  /** EXIF orientation when it is not 1: the browser shows the photo turned, while Kling gets the stored pixels. */
  orientation?: number;
}

export type FrameField = 'startFrame' | 'endFrame';

/** A frame for bytes already known to follow the rules. */
export function frameFromBytes(fileName: string, bytes: Uint8Array, info: ImageInfo = readImageInfo(bytes)): Frame {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info.format === 'png' ? 'image/png' : 'image/jpeg' });
  const orientation = info.exifOrientation;
  return {
    fileName,
    bytes,
    url: URL.createObjectURL(blob),
    width: info.width ?? 0,
    height: info.height ?? 0,
    ...(orientation !== undefined && orientation !== 1 ? { orientation } : {}),
  };
}

export interface Inspection {
  bytes: Uint8Array;
  info: ImageInfo;
  problems: Problem[];
  decodable: boolean;
  hasAlpha: boolean;
  /** Size as shown (after EXIF rotation), when decodable. */
  upright?: { width: number; height: number };
}

export async function inspectImage(file: Blob, field: FrameField): Promise<Inspection> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const info = readImageInfo(bytes);
  const problems = checkImage(field, bytes);
  // The headers can be right while the pixels are broken: decode once so a damaged file is caught here, not by Kling.
  const bitmap = bytes.length > 0 ? await decodeUpright(bytes) : undefined;
  if (!bitmap) return { bytes, info, problems, decodable: false, hasAlpha: false };
  try {
    // JPEG has no alpha; for the rest, look at the pixels (an RGBA PNG is often fully opaque).
    const hasAlpha = info.format !== 'jpeg' && problems.some((p) => p.severity === 'error') && hasTransparency(bitmap);
    return { bytes, info, problems, decodable: true, hasAlpha, upright: { width: bitmap.width, height: bitmap.height } };
  } finally {
    bitmap.close();
  }
}
