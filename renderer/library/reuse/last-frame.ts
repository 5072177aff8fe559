// The clip's last frame as a PNG, taken in the renderer: a second <video> seeks to the end and a canvas copies the
// frame at the clip's own size (no ffmpeg at run time). Media answer with Access-Control-Allow-Origin, so the canvas
// stays readable.
import { FRAME_RATE } from '../player/playback';

const once = (video: HTMLVideoElement, event: 'loadedmetadata' | 'seeked') =>
  new Promise<void>((resolve, reject) => {
    video.addEventListener(event, () => resolve(), { once: true });
    video.addEventListener('error', () => reject(new Error('The clip could not be decoded')), { once: true });
  });

export async function captureLastFrame(src: string): Promise<Uint8Array> {
  const video = document.createElement('video');
  video.crossOrigin = 'anonymous';
  video.muted = true;
  video.preload = 'auto';
  try {
    const loaded = once(video, 'loadedmetadata');
    video.src = src;
    await loaded;
    const seeked = once(video, 'seeked');
    // Half a frame before the end: exactly `duration` may land past the last frame.
    video.currentTime = Math.max(0, video.duration - 0.5 / FRAME_RATE);
    await seeked;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No canvas to copy the frame with');
    context.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The last frame could not be encoded');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    video.removeAttribute('src');
    video.load();
  }
}
