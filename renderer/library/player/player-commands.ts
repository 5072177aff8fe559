// The player's keys as commands of the app's one registry: the same dispatcher as every other shortcut runs them,
// and the shortcuts list (?) shows them. They are enabled only while the player is the dialog on top, so the editor's
// keys underneath never see them; a slider keeps its arrows and a field or a list keeps its typing (registry.ts).
import { useEffect, useRef, type RefObject } from 'react';
import { registerCommands, type Command } from '../../commands/registry';
import { stepFrame, togglePlay } from './playback';

export interface PlayerTargets {
  video: RefObject<HTMLVideoElement | null>;
  previous: string | undefined;
  next: string | undefined;
  /** The clip's frames per second (see playback.ts). */
  fps: number;
  open(id: string): void;
  toggleFullScreen(): void;
}

/** The player is open and no other dialog sits on it. */
function playerOnTop(): boolean {
  const open = document.querySelectorAll('dialog[open]');
  return open.length === 1 && open[0]!.classList.contains('player');
}

const onSlider = () => document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'range';

export function playerCommands(get: () => PlayerTargets): Command[] {
  const withVideo = (work: (v: HTMLVideoElement) => void) => () => {
    const v = get().video.current;
    if (v) work(v);
  };
  const hasVideo = () => playerOnTop() && get().video.current !== null;
  const goTo = (which: 'previous' | 'next', shortcut: string): Command => ({
    id: `player.${which}Generation`,
    label: `Player: ${which} generation`,
    shortcut,
    enabled: () => playerOnTop() && !onSlider() && get()[which] !== undefined,
    run: () => {
      const id = get()[which];
      if (id) get().open(id);
    },
  });
  return [
    { id: 'player.playPause', label: 'Player: play or pause', shortcut: 'Space', enabled: hasVideo, run: withVideo(togglePlay) },
    { id: 'player.previousFrame', label: 'Player: previous frame', shortcut: ',', enabled: hasVideo, run: withVideo((v) => stepFrame(v, -1, get().fps)) },
    { id: 'player.nextFrame', label: 'Player: next frame', shortcut: '.', enabled: hasVideo, run: withVideo((v) => stepFrame(v, 1, get().fps)) },
    goTo('previous', 'ArrowLeft'),
    goTo('next', 'ArrowRight'),
    { id: 'player.fullScreen', label: 'Player: full screen', shortcut: 'F', enabled: hasVideo, run: () => get().toggleFullScreen() },
  ];
}

/** Register the player's commands once; they read what they act on from `targets` as it is at each key. */
export function usePlayerCommands(targets: PlayerTargets): void {
  const latest = useRef(targets);
  useEffect(() => {
    latest.current = targets;
  });
  useEffect(() => registerCommands(playerCommands(() => latest.current)), []);
}
