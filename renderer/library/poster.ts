// Kling returns a clip but no still. The renderer already decodes video, so it grabs a frame once per finished
// generation and hands main a JPEG to keep as poster.jpg beside the clip.
import { useEffect } from 'react';
import { studio } from '../api';
import { useLibrary } from '../store/library';
import type { GenerationView } from '../../shared/library/generation';

const POSTER_WIDTH = 640;
const attempted = new Set<string>();

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

async function ensurePoster(g: GenerationView): Promise<void> {
  if (!g.media.result) return;
  try {
    const jpeg = await capturePoster(g.media.result);
    const result = await studio.generations.savePoster({ id: g.id, jpeg });
    if (result.ok) useLibrary.getState().upsert(result.value);
  } catch {
    // A missing poster is cosmetic: the card keeps showing the start frame.
  }
}

export function usePosterCapture(): void {
  useEffect(() => {
    const check = (byId: Record<string, GenerationView>) => {
      for (const g of Object.values(byId)) {
        if (g.status === 'succeed' && g.media.result && !g.media.poster && !attempted.has(g.id)) {
          attempted.add(g.id);
          void ensurePoster(g);
        }
      }
    };
    check(useLibrary.getState().byId);
    return useLibrary.subscribe((s) => check(s.byId));
  }, []);
}
