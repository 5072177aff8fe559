import { beforeEach, describe, expect, it } from 'vitest';
import { useComposer } from '../../store/composer';
import type { Frame } from '../load-frame';
import { canRedoFrames, canUndoFrames, redoFrames, undoFrames, useFrameHistory } from './frame-history';

const frame = (name: string, size = 10): Frame => ({
  fileName: `${name}.jpg`,
  bytes: new Uint8Array(size).fill(name.charCodeAt(0)),
  url: URL.createObjectURL(new Blob([name])),
  width: 640,
  height: 480,
});
const names = () => [useComposer.getState().startFrame?.fileName, useComposer.getState().endFrame?.fileName];
const undo = () => undoFrames(useComposer.getState(), useComposer.getState().restoreFrames);
const redo = () => redoFrames(useComposer.getState(), useComposer.getState().restoreFrames);

beforeEach(() => {
  useComposer.setState({ startFrame: undefined, endFrame: undefined });
  useFrameHistory.setState({ past: [], future: [] });
});

describe('frame history', () => {
  it('undoes and redoes opening, replacing, swapping and removing, with the same bytes', () => {
    const s = useComposer.getState();
    s.setStartFrame(frame('a'));
    s.setEndFrame(frame('b'));
    useComposer.getState().setStartFrame(frame('c'));
    useComposer.getState().swapFrames();
    useComposer.getState().setEndFrame(undefined);
    expect(names()).toEqual(['b.jpg', undefined]);

    undo();
    expect(names()).toEqual(['b.jpg', 'c.jpg']);
    undo();
    expect(names()).toEqual(['c.jpg', 'b.jpg']);
    undo();
    expect(names()).toEqual(['a.jpg', 'b.jpg']);
    expect(useComposer.getState().startFrame?.bytes).toEqual(new Uint8Array(10).fill(97));
    undo();
    undo();
    expect(names()).toEqual([undefined, undefined]);
    expect(canUndoFrames()).toBe(false);

    redo();
    redo();
    redo();
    expect(names()).toEqual(['c.jpg', 'b.jpg']);
    // A new change drops what could be redone.
    useComposer.getState().setEndFrame(frame('d'));
    expect(canRedoFrames()).toBe(false);
  });

  it('keeps at most 160 MB of frames, dropping the oldest first', () => {
    for (let i = 0; i < 10; i++) useComposer.getState().setStartFrame(frame(String.fromCharCode(97 + i), 30 * 1024 * 1024));
    const past = useFrameHistory.getState().past;
    expect(past.reduce((sum, p) => sum + (p.start?.bytes.byteLength ?? 0), 0)).toBeLessThanOrEqual(160 * 1024 * 1024);
    expect(past.at(-1)?.start?.fileName).toBe('i.jpg');
  });
});
