// Turn a file the person dropped or opened into a start frame, or into a message that names the broken rule.
import { checkImage } from '../../shared/kling/image-rules';
import { readImageInfo } from '../../shared/kling/image-info';

export interface Frame {
  fileName: string;
  bytes: Uint8Array;
  /** An object URL for showing the image; revoked when the frame is replaced. */
  url: string;
  width: number;
  height: number;
}

export type LoadResult = { ok: true; frame: Frame } | { ok: false; messages: string[] };

export async function loadFrame(file: File, field: 'startFrame' | 'endFrame' = 'startFrame'): Promise<LoadResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problems = checkImage(field, bytes).filter((p) => p.severity === 'error');
  if (problems.length > 0) return { ok: false, messages: problems.map((p) => p.message) };
  const info = readImageInfo(bytes);
  const blob = new Blob([bytes], { type: info.format === 'png' ? 'image/png' : 'image/jpeg' });
  // The headers can be right while the pixels are broken: decode once so a damaged file is caught here, not by Kling.
  try {
    const bitmap = await createImageBitmap(blob);
    bitmap.close();
  } catch {
    return { ok: false, messages: [`“${file.name}” could not be decoded as an image; the file may be damaged.`] };
  }
  return {
    ok: true,
    frame: { fileName: file.name, bytes, url: URL.createObjectURL(blob), width: info.width ?? 0, height: info.height ?? 0 },
  };
}
