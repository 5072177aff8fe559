// A/B: the second clip follows the first, so both play the same moment side by side (play, pause, seek, speed, and
// drift corrected while playing).
import { useEffect, type RefObject } from 'react';

const DRIFT_S = 0.08;

/** Make `b` follow `a`; returns the function that stops it. */
export function follow(a: HTMLVideoElement, b: HTMLVideoElement): () => void {
  const align = () => {
    if (Math.abs(b.currentTime - a.currentTime) > DRIFT_S) b.currentTime = Math.min(a.currentTime, b.duration || a.currentTime);
  };
  const onPlay = () => {
    align();
    void b.play().catch(() => undefined);
  };
  const onPause = () => {
    b.pause();
    align();
  };
  const onRate = () => (b.playbackRate = a.playbackRate);
  const onLoop = () => (b.loop = a.loop);
  a.addEventListener('play', onPlay);
  a.addEventListener('pause', onPause);
  a.addEventListener('seeked', align);
  a.addEventListener('timeupdate', align);
  a.addEventListener('ratechange', onRate);
  b.muted = true;
  onLoop();
  onRate();
  if (a.paused) onPause();
  else onPlay();
  return () => {
    a.removeEventListener('play', onPlay);
    a.removeEventListener('pause', onPause);
    a.removeEventListener('seeked', align);
    a.removeEventListener('timeupdate', align);
    a.removeEventListener('ratechange', onRate);
  };
}

export function useFollow(lead: RefObject<HTMLVideoElement | null>, follower: RefObject<HTMLVideoElement | null>, active: string | undefined): void {
  useEffect(() => {
    const a = lead.current;
    const b = follower.current;
    if (!a || !b || !active) return;
    return follow(a, b);
  }, [lead, follower, active]);
}
