// Makes a thumbnail off the main thread: decodes the image (upright by its EXIF orientation, as <img> shows it),
// draws it smaller with high-quality filtering and encodes the result. The full-size decode lives only here, for
// the moment it takes.
export interface ThumbnailRequest {
  id: number;
  source: Blob;
  maxSide: number;
}

export type ThumbnailReply = { id: number; blob: Blob } | { id: number; error: string };

async function thumbnail(source: Blob, maxSide: number): Promise<Blob> {
  const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context in the thumbnail worker');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    // WebP keeps transparency (PNG frames may have it) and stays small.
    return await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
  } finally {
    bitmap.close();
  }
}

self.onmessage = (event: MessageEvent<ThumbnailRequest>) => {
  const { id, source, maxSide } = event.data;
  thumbnail(source, maxSide).then(
    (blob) => self.postMessage({ id, blob } satisfies ThumbnailReply),
    (error: unknown) => self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies ThumbnailReply),
  );
};
