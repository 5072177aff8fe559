import { describe, expect, it } from 'vitest';
import { EditorDocument } from '../model/document';
import { useEditor } from '../store';
import { commitSelection } from './commit-selection';

function newDoc(): EditorDocument {
  const doc = new EditorDocument({ start: { width: 8, height: 8, source: 'a.png' } });
  doc.addArea('dynamic');
  doc.history.clear();
  return doc;
}

describe('commitSelection', () => {
  it('applies a result to the open document as one undo step', () => {
    const doc = newDoc();
    useEditor.setState({ doc });
    const label = doc.dynamicAreas[0]!.label;
    expect(commitSelection(doc, label, 'Magic wand', () => doc.labels.fillRect({ x: 0, y: 0, width: 2, height: 2 }, label))).toBe(true);
    expect(doc.labels.countPixels(label)).toBe(4);
    expect(doc.history.state.undoLabel).toBe('Magic wand');
  });

  it('ignores a result made for a document that is no longer open (the photo was replaced meanwhile)', () => {
    const old = newDoc();
    const open = newDoc();
    useEditor.setState({ doc: open });
    let applied = false;
    expect(commitSelection(old, 2, 'Select object', () => (applied = true))).toBe(false);
    expect(applied).toBe(false);
    expect(open.history.canUndo).toBe(false);
    useEditor.setState({ doc: null });
  });
});
