import { describe, expect, it } from 'vitest';
import { didRedo, didUndo, nextRedo, nextUndo, recorded, type HistoryKind } from './undo-order';

describe('undo order across the document and the frames', () => {
  it('undoes the last change first, whichever history holds it, and redoes in reverse; stale entries are skipped', () => {
    const steps: Record<HistoryKind, number> = { document: 0, frames: 0 };
    const redoable: Record<HistoryKind, number> = { document: 0, frames: 0 };
    const record = (kind: HistoryKind) => {
      steps[kind] += 1;
      redoable[kind] = 0;
      recorded(kind);
    };
    const undo = () => {
      const kind = nextUndo((k) => steps[k] > 0);
      if (!kind) return undefined;
      steps[kind] -= 1;
      redoable[kind] += 1;
      didUndo(kind);
      return kind;
    };
    const redo = () => {
      const kind = nextRedo((k) => redoable[k] > 0);
      if (!kind) return undefined;
      redoable[kind] -= 1;
      steps[kind] += 1;
      didRedo(kind);
      return kind;
    };
    record('frames'); // open the start frame
    record('document'); // a stroke
    record('frames'); // set an end frame
    record('document'); // another stroke
    expect([undo(), undo(), undo()]).toEqual(['document', 'frames', 'document']);
    expect([redo(), redo()]).toEqual(['document', 'frames']);
    // The document was replaced: its remaining step is gone, so its log entries are skipped.
    steps.document = 0;
    expect(undo()).toBe('frames');
    expect(undo()).toBe('frames');
    expect(undo()).toBeUndefined();
  });
});
