// The player's control bar: play/pause, position, frame steps, loop, speed, volume (for clips with sound) and full
// screen. Every control acts on the one <video> it is given, and says its shortcut in its tooltip.
import type { RefObject } from 'react';
import { Icon } from './icons';
import { formatTime, seek, setRate, setVolume, SPEEDS, stepFrame, toggleMute, togglePlay, type Playback } from './playback';

export interface PlayerControlsProps {
  video: RefObject<HTMLVideoElement | null>;
  playback: Playback;
  loop: boolean;
  onLoop(loop: boolean): void;
  /** Only clips made with sound get a volume. */
  hasSound: boolean;
  fullScreen: boolean;
  onFullScreen(): void;
  /** The clip's frames per second (FRAME_RATE when its file does not say). */
  fps: number;
}

export function PlayerControls({ video, playback: p, loop, onLoop, hasSound, fullScreen, onFullScreen, fps }: PlayerControlsProps) {
  const act = (fn: (v: HTMLVideoElement) => void) => () => {
    if (video.current) fn(video.current);
  };
  return (
    <div className="pl-controls" role="toolbar" aria-label="Playback">
      <button type="button" className="pl-btn pl-btn--main" aria-label={p.playing ? 'Pause' : 'Play'} title={`${p.playing ? 'Pause' : 'Play'} (Space)`} onClick={act(togglePlay)}>
        <Icon name={p.playing ? 'pause' : 'play'} />
      </button>
      <button type="button" className="pl-btn" aria-label="Previous frame" title="Previous frame (,)" onClick={act((v) => stepFrame(v, -1, fps))}>
        <Icon name="frame-back" />
      </button>
      <button type="button" className="pl-btn" aria-label="Next frame" title="Next frame (.)" onClick={act((v) => stepFrame(v, 1, fps))}>
        <Icon name="frame-forward" />
      </button>
      <input
        className="pl-scrub"
        type="range"
        aria-label="Position"
        aria-valuetext={`${formatTime(p.time)} of ${formatTime(p.duration)}`}
        min={0}
        max={p.duration || 0}
        step={1 / fps}
        value={Math.min(p.time, p.duration || 0)}
        onChange={(e) => {
          const to = Number(e.currentTarget.value);
          act((v) => seek(v, to))();
        }}
      />
      <span className="pl-time" aria-hidden="true">
        {formatTime(p.time)} / {formatTime(p.duration)}
      </span>
      <button type="button" className={`pl-btn${loop ? ' is-on' : ''}`} aria-label="Loop" aria-pressed={loop} title="Loop" onClick={() => onLoop(!loop)}>
        <Icon name="loop" />
      </button>
      <select
        className="pl-speed"
        aria-label="Speed"
        value={String(p.rate)}
        onChange={(e) => {
          const rate = Number(e.currentTarget.value);
          act((v) => setRate(v, rate))();
        }}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {s}×
          </option>
        ))}
      </select>
      {hasSound && (
        <>
          <button type="button" className="pl-btn" aria-label={p.muted ? 'Unmute' : 'Mute'} aria-pressed={p.muted} onClick={act(toggleMute)}>
            <Icon name={p.muted ? 'muted' : 'sound'} />
          </button>
          <input
            className="pl-volume"
            type="range"
            aria-label="Volume"
            min={0}
            max={1}
            step={0.05}
            value={p.muted ? 0 : p.volume}
            onChange={(e) => {
              const volume = Number(e.currentTarget.value);
              act((v) => setVolume(v, volume))();
            }}
          />
        </>
      )}
      <button type="button" className="pl-btn" aria-label={fullScreen ? 'Exit full screen' : 'Full screen'} title="Full screen (F)" onClick={onFullScreen}>
        <Icon name="full-screen" />
      </button>
    </div>
  );
}
