// Undo for frame changes (open, replace, swap, remove, a fix applied). A new start frame opens another editor document
// with a history of its own, so one rule keeps undo in the order things happened: Ctrl+Z undoes the open document's
// edits first, and when it has none left, the last frame change (the editor then reloads that frame's draft).
// Frames are kept as bytes, not object URLs, and the history is bounded by depth and bytes (frames weigh up to 10 MB).
import { create } from 'zustand';
import type { Frame } from '../load-frame';

type FrameData = Omit<Frame, 'url'>;
interface Snapshot {
  start?: FrameData;
  end?: FrameData;
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

/** Remember the frames as they were before a change. */
export function recordFrames(before: { startFrame?: Frame; endFrame?: Frame }): void {
  const snapshot = { start: data(before.startFrame), end: data(before.endFrame) };
  useFrameHistory.setState((h) => ({ past: bounded([...h.past, snapshot]), future: [] }));
}

export const canUndoFrames = (): boolean => useFrameHistory.getState().past.length > 0;
export const canRedoFrames = (): boolean => useFrameHistory.getState().future.length > 0;

/** A frame again, with a fresh object URL (the one it had was revoked when it was replaced). */
const revive = (f: FrameData | undefined): Frame | undefined =>
  f && { ...f, url: URL.createObjectURL(new Blob([f.bytes as BlobPart], { type: f.fileName.match(/\.png$/i) ? 'image/png' : 'image/jpeg' })) };

/**
 * Step through the frame history: `apply` puts a snapshot's frames in place without recording (the composer store's
 * `restoreFrames`), and the frames it replaces go to the other stack.
 */
function step(from: 'past' | 'future', current: Snapshot, apply: (start?: Frame, end?: Frame) => void): void {
  const h = useFrameHistory.getState();
  const target = h[from].at(-1);
  if (!target) return;
  const to = from === 'past' ? 'future' : 'past';
  useFrameHistory.setState({ [from]: h[from].slice(0, -1), [to]: bounded([...h[to], current]) } as Partial<FrameHistory>);
  apply(revive(target.start), revive(target.end));
}

export function undoFrames(current: { startFrame?: Frame; endFrame?: Frame }, apply: (start?: Frame, end?: Frame) => void): void {
  step('past', { start: data(current.startFrame), end: data(current.endFrame) }, apply);
}

export function redoFrames(current: { startFrame?: Frame; endFrame?: Frame }, apply: (start?: Frame, end?: Frame) => void): void {
  step('future', { start: data(current.startFrame), end: data(current.endFrame) }, apply);
}
