// The app's one thumbnail cache, with its worker, and the hook components use to show a big image small.
import { useEffect, useState } from 'react';
import { ThumbnailCache } from './thumbnail-cache';
import type { ThumbnailReply, ThumbnailRequest } from './thumbnail-worker';

/** Longest side of a thumbnail in image pixels: sharp up to ~256 CSS px on a 2× screen. */
export const THUMBNAIL_SIDE = 512;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve(blob: Blob): void; reject(error: Error): void }>();

function inWorker(source: Blob, maxSide: number): Promise<Blob> {
  if (!worker) {
    worker = new Worker(new URL('./thumbnail-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ThumbnailReply>) => {
      const reply = event.data;
      const call = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('blob' in reply) call?.resolve(reply.blob);
      else call?.reject(new Error(reply.error));
    };
  }
  const id = ++nextId;
  return new Promise<Blob>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker?.postMessage({ id, source, maxSide } satisfies ThumbnailRequest);
  });
}

/** The small images behind the cache's object URLs, for those who draw them themselves (library cards). */
const blobs = new Map<string, Blob>();

export const thumbnails = new ThumbnailCache({
  make: inWorker,
  createUrl: (blob) => {
    const url = URL.createObjectURL(blob);
    blobs.set(url, blob);
    return url;
  },
  revokeUrl: (url) => {
    blobs.delete(url);
    URL.revokeObjectURL(url);
  },
});

/** Where a big image comes from: its URL (the cache key) and how to read its bytes when a thumbnail is needed. */
export interface ThumbnailSource {
  key: string;
  load(): Promise<Blob>;
}

/** A media URL the page may fetch (the library's files). Object URLs are not: the CSP keeps blob: out of connect-src. */
export function fetchedSource(url: string): ThumbnailSource {
  return {
    key: url,
    load: async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.blob();
    },
  };
}

/** The bytes of a small copy of `source` (made once, shared with useThumbnail's URLs). */
export async function thumbnailBlob(source: ThumbnailSource, maxSide = THUMBNAIL_SIDE): Promise<Blob> {
  const url = await thumbnails.get(source.key, () => source.load(), maxSide);
  const blob = blobs.get(url);
  if (!blob) throw new Error(`${source.key}: its small copy was forgotten meanwhile`);
  return blob;
}

/** The URL of a small copy of `source`, or undefined while it is made (or when it cannot be). */
export function useThumbnail(source: ThumbnailSource | undefined, maxSide = THUMBNAIL_SIDE): string | undefined {
  const [made, setMade] = useState<{ key: string; url: string }>();
  const key = source?.key;
  useEffect(() => {
    if (!source) return;
    let live = true;
    thumbnails.get(source.key, () => source.load(), maxSide).then(
      (url) => {
        if (live) setMade({ key: source.key, url });
      },
      () => undefined, // the caller shows its placeholder
    );
    return () => {
      live = false;
    };
    // The source is identified by its key; a new object with the same key is the same image.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, maxSide]);
  return made && made.key === key ? made.url : undefined;
}
