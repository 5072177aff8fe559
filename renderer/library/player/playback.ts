// The state of one <video> as React sees it, and the steps the controls take on it.
import { useEffect, useState, type RefObject } from 'react';

/**
 * Frames per second when the clip's file does not say (main reads it from the MP4: GenerationDetails.clipFrameRate).
 * A <video> element does not tell its frame rate, and Kling documents none (its API returns a duration only; clips
 * seen are 24 or 30 fps). 24, the sandbox sample's rate, is only the guess for a file that cannot be read.
 */
export const FRAME_RATE = 24;
export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface Playback {
  playing: boolean;
  time: number;
  duration: number;
  rate: number;
  volume: number;
  muted: boolean;
}

const read = (v: HTMLVideoElement | null): Playback => ({
  playing: Boolean(v && !v.paused && !v.ended),
  time: v?.currentTime ?? 0,
  duration: v && Number.isFinite(v.duration) ? v.duration : 0,
  rate: v?.playbackRate ?? 1,
  volume: v?.volume ?? 1,
  muted: v?.muted ?? true,
});

const EVENTS = ['play', 'pause', 'ended', 'timeupdate', 'seeked', 'durationchange', 'loadedmetadata', 'ratechange', 'volumechange'];

export function usePlayback(video: RefObject<HTMLVideoElement | null>, src: string | undefined): Playback {
  const [state, setState] = useState<Playback>(() => read(video.current));
  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const update = () => setState(read(v));
    let frame = 0;
    // timeupdate comes about four times a second: the position follows every painted frame while playing instead.
    const tick = () => {
      update();
      if (!v.paused) frame = requestAnimationFrame(tick);
    };
    const onPlay = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    };
    for (const e of EVENTS) v.addEventListener(e, update);
    v.addEventListener('play', onPlay);
    update();
    return () => {
      cancelAnimationFrame(frame);
      for (const e of EVENTS) v.removeEventListener(e, update);
      v.removeEventListener('play', onPlay);
    };
  }, [video, src]);
  return state;
}

export function togglePlay(v: HTMLVideoElement): void {
  if (v.paused || v.ended) void v.play().catch(() => undefined);
  else v.pause();
}

/** Pause and move one frame; lands just inside the frame so rounding cannot show its neighbour. */
export function stepFrame(v: HTMLVideoElement, by: number, fps = FRAME_RATE): void {
  v.pause();
  const frames = Math.max(0, Math.floor((Number.isFinite(v.duration) ? v.duration : 0) * fps) - 1);
  const current = Math.floor(v.currentTime * fps + 1e-6); // the frame on screen
  const target = Math.max(0, Math.min(frames, current + by));
  v.currentTime = target / fps + 0.001;
}

export function formatTime(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

export function seek(v: HTMLVideoElement, seconds: number): void {
  v.currentTime = seconds;
}

export function setRate(v: HTMLVideoElement, rate: number): void {
  v.playbackRate = rate;
}

export function setVolume(v: HTMLVideoElement, volume: number): void {
  v.volume = volume;
  v.muted = volume === 0;
}

export function toggleMute(v: HTMLVideoElement): void {
  v.muted = !v.muted;
}
