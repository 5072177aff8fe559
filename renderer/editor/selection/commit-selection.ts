// A selection result arrives after a wait: apply it only if it still makes sense (the document it was made for is
// still the open one, the area still there, no other gesture open), as ONE undo step.
import type { EditorDocument } from '../model/document';
import { editorState } from '../store';
import { setStatus, tellUser } from './selection-store';

export function commitSelection(doc: EditorDocument, label: number, opName: string, apply: () => void): boolean {
  // The photo was replaced (or the editor closed) while the selection ran: its result belongs to a document that
  // is gone, and the open one must not get it.
  if (editorState().doc !== doc) {
    setStatus({ kind: 'idle' });
    return false;
  }
  if (!doc.areaByLabel(label)) {
    tellUser('The area was removed while selecting; nothing was changed.', 'error');
    return false;
  }
  if (doc.history.inGesture) {
    tellUser('Another change was in progress; the selection was not applied.', 'error');
    return false;
  }
  doc.history.transact(opName, apply);
  return true;
}

/** Whether `a` and `b` hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
