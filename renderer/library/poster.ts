// Kling returns a clip but no still. The renderer already decodes video, so it grabs a frame once per finished
// generation and hands main a JPEG to keep as poster.jpg beside the clip.
import { useEffect } from 'react';
import { studio } from '../api';
import { useLibrary } from '../store/library';
import type { GenerationView } from '../../shared/library/generation';

const POSTER_WIDTH = 640;

export async function capturePoster(src: string, atSeconds = 1): Promise<Uint8Array> {
  const video = document.createElement('video');
  video.crossOrigin = 'anonymous';
  video.muted = true;
  video.preload = 'auto';
  video.src = src;
  await new Promise<void>((resolve, reject) => {
    video.onloadedmetadata = () => resolve();
    video.onerror = () => reject(new Error('The clip could not be decoded'));
  });
  video.currentTime = Math.min(atSeconds, Math.max(0, video.duration / 2));
  await new Promise<void>((resolve, reject) => {
    video.onseeked = () => resolve();
    video.onerror = () => reject(new Error('The clip could not be decoded'));
  });
  const scale = Math.min(1, POSTER_WIDTH / video.videoWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
  video.removeAttribute('src');
  video.load();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) throw new Error('The poster could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}

type Saved = { ok: true; value: GenerationView } | { ok: false; error: { code: string } };

/**
 * What grabs the posters: `check` asks for one per finished generation without a poster, once each. A save refused
 * because the library is being moved (`busy`) is asked again at the next look (the library reloads after the move);
 * a clip that cannot be decoded, or any other refusal, is not retried this run.
 */
export function posterQueue(deps: {
  capture(src: string): Promise<Uint8Array>;
  save(request: { id: string; jpeg: Uint8Array }): Promise<Saved>;
  saved(view: GenerationView): void;
}) {
  const attempted = new Set<string>();
    const ensure = async (g: GenerationView, src: string): Promise<void> => {
    try {
      const result = await deps.save({ id: g.id, jpeg: await deps.capture(src) });
      if (result.ok) deps.saved(result.value);
      else if (result.error.code === 'busy') attempted.delete(g.id);
    } catch {
      // A missing poster is cosmetic: the card keeps showing the start frame.
    }
  };
  return (byId: Record<string, GenerationView>): void => {
    for (const g of Object.values(byId)) {
      if (g.status === 'succeed' && g.media.result && !g.media.poster && !attempted.has(g.id)) {
        attempted.add(g.id);
        void ensure(g, g.media.result);
      }
    }
  };
}

const check = posterQueue({
  capture: (src) => capturePoster(src),
  save: (request) => studio.generations.savePoster(request),
  saved: (view) => useLibrary.getState().upsert(view),
});

export function usePosterCapture(): void {
  useEffect(() => {
    check(useLibrary.getState().byId);
    return useLibrary.subscribe((s) => check(s.byId));
  }, []);
}
