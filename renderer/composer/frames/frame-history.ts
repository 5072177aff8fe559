// Undo for frame changes (open, replace, swap, remove, a fix applied) and for switching between end frame, motion
// brush and camera control (../feature-switch.ts), which may add an end frame in the same step. A new start frame opens another editor document
// with a history of its own, so one rule keeps undo in the order things happened: Ctrl+Z undoes the open document's
// edits first, and when it has none left, the last frame change (the editor then reloads that frame's draft).
// Frames are kept as bytes, not object URLs, and the history is bounded by depth and bytes (frames weigh up to 10 MB).
import { create } from 'zustand';
import type { ComposerSettings } from '../../../shared/composer/composer-settings';
import type { ExclusiveFeature } from '../../../shared/kling/exclusive-features';
import { readImageInfo } from '../../../shared/kling/image-info';
import { FEATURE_LABELS } from '../feature-choice';
import type { Frame } from '../load-frame';
import { useFramesUi } from './frames-ui';
import { recorded } from '../../commands/undo-order';

type FrameData = Omit<Frame, 'url'>;
/**
 * What a switch between end frame, motion brush and camera control changed: the feature chosen, and the camera's
 * movement when the switch itself set it (choosing a movement). Only that: the axis and amount (and a movement chosen
 * later) are the camera's own settings, changed without undo steps, so undoing a switch must neither take them back
 * nor hold them where a cleared redo stack would drop them.
 */
export interface FeatureSnapshot {
  feature: ComposerSettings['feature'];
  cameraType?: ComposerSettings['camera']['type'];
  /** The feature the switch turned on, which names the step both ways ("Undo switch to camera control"). */
  to: ExclusiveFeature;
}
interface Snapshot {
  start?: FrameData;
  end?: FrameData;
  /** Only on a switch's step: a frame change leaves the choice (and the camera) as they are. */
  feature?: FeatureSnapshot;
}

const MAX_STEPS = 30;
const MAX_BYTES = 160 * 1024 * 1024;

const data = (f: Frame | undefined): FrameData | undefined => {
  if (!f) return undefined;
  const { url: _url, ...rest } = f;
  return rest;
};
const weight = (s: Snapshot) => (s.start?.bytes.byteLength ?? 0) + (s.end?.bytes.byteLength ?? 0);

function bounded(list: Snapshot[]): Snapshot[] {
  const out = list.slice(-MAX_STEPS);
  while (out.length > 1 && out.reduce((sum, s) => sum + weight(s), 0) > MAX_BYTES) out.shift();
  return out;
}

export interface FrameHistory {
  past: Snapshot[];
  future: Snapshot[];
}

export const useFrameHistory = create<FrameHistory>(() => ({ past: [], future: [] }));

/** Remember the frames (and, for a switch, what it changes: see FeatureSnapshot) as they were before a change. */
export function recordFrames(before: { startFrame?: Frame; endFrame?: Frame }, feature?: FeatureSnapshot): void {
  const snapshot: Snapshot = { start: data(before.startFrame), end: data(before.endFrame), ...(feature ? { feature } : {}) };
  useFrameHistory.setState((h) => ({ past: bounded([...h.past, snapshot]), future: [] }));
  recorded('frames');
}

/** What the next undo (`past`) or redo (`future`) of this history gives back, for the Undo button's name. */
/** A switch's change has set the camera's movement, which was `type`: its undo step gives that back too. */
export function switchSetCameraType(type: ComposerSettings['camera']['type']): void {
  useFrameHistory.setState((h) => {
    const last = h.past.at(-1);
    if (!last?.feature) return h;
    return { past: [...h.past.slice(0, -1), { ...last, feature: { ...last.feature, cameraType: type } }] };
  });
}

export function frameStepName(h: FrameHistory, from: 'past' | 'future'): string {
  const to = h[from].at(-1)?.feature?.to;
  return to ? `switch to ${FEATURE_LABELS[to].toLowerCase()}` : 'frame change';
}

export const canUndoFrames = (): boolean => useFrameHistory.getState().past.length > 0;
export const canRedoFrames = (): boolean => useFrameHistory.getState().future.length > 0;

/**
 * A frame again. When the slot still shows these very bytes, the frame on screen is kept as it is: a new object
 * would make the editor reopen its document (losing its undo history) for a change that did not touch it.
 * Otherwise it gets a fresh object URL (the one it had was revoked when it was replaced), typed from its bytes.
 */
const revive = (f: FrameData | undefined, current: Frame | undefined): Frame | undefined => {
  if (!f) return undefined;
  if (current && current.bytes === f.bytes) return current;
  const type = readImageInfo(f.bytes).format === 'png' ? 'image/png' : 'image/jpeg';
  return { ...f, url: URL.createObjectURL(new Blob([f.bytes as BlobPart], { type })) };
};

/**
 * Step through the frame history: `apply` puts a snapshot's frames in place without recording (the composer store's
 * `restoreFrames`), and the frames it replaces go to the other stack.
 */
type Frames = { startFrame?: Frame; endFrame?: Frame } & Pick<ComposerSettings, 'feature' | 'camera'>;
type Apply = (start?: Frame, end?: Frame, feature?: FeatureSnapshot) => void;

/** The other direction of a switch's step: what `target` would change, as it is now. */
const reverse = (target: FeatureSnapshot, current: Frames): FeatureSnapshot => ({
  feature: current.feature,
  ...(target.cameraType !== undefined ? { cameraType: current.camera.type } : {}),
  to: target.to,
});

function step(from: 'past' | 'future', current: Frames, apply: Apply): void {
  const h = useFrameHistory.getState();
  const target = h[from].at(-1);
  if (!target) return;
  const to = from === 'past' ? 'future' : 'past';
  const now: Snapshot = {
    start: data(current.startFrame),
    end: data(current.endFrame),
    ...(target.feature ? { feature: reverse(target.feature, current) } : {}),
  };
  useFrameHistory.setState({ [from]: h[from].slice(0, -1), [to]: bounded([...h[to], now]) } as Partial<FrameHistory>);
  // Either slot may hold the other's frame after a swap: reuse whichever on-screen frame has the same bytes.
  const onScreen = (f: FrameData | undefined) =>
    revive(f, [current.startFrame, current.endFrame].find((c) => c && f && c.bytes === f.bytes));
  apply(onScreen(target.start), onScreen(target.end), target.feature);
  // A removal undone from the keyboard: the toast offering to undo it has nothing left to do.
  useFramesUi.getState().setRemoved(undefined);
}

export function undoFrames(current: Frames, apply: Apply): void {
  step('past', current, apply);
}

export function redoFrames(current: Frames, apply: Apply): void {
  step('future', current, apply);
}
