// The open document's life: one per start frame. Opening a frame loads its draft (or starts a fresh document with a
// still area and one moving area), wires the document's change events into the store and the autosave, and
// replacing the frame saves the old draft first.
import { recorded } from '../commands/undo-order';
import type { Frame } from '../composer/load-frame';
import { createAutosave, type Autosave } from './drafts/autosave';
import { draftToDocument } from './drafts/draft-codec';
import { deleteDraft, frameKey, loadDraft } from './drafts/draft-store';
import { EditorDocument } from './model/document';
import { releaseSelectionFrame } from './selection/engine';
import { setStatus } from './selection/selection-store';
import { editorState, useEditor } from './store';
import { cancelTools, forgetDocumentInTools } from './tools/tools';

let detach: (() => void) | null = null;
let autosave: Autosave | null = null;
let opening = 0;

export function freshDocument(frame: { width: number; height: number; fileName: string }): EditorDocument {
  const doc = new EditorDocument({ start: { width: frame.width, height: frame.height, source: frame.fileName } });
  doc.addArea('static');
  doc.addArea('dynamic');
  doc.history.clear();
  return doc;
}

function defaultArea(doc: EditorDocument): string | null {
  return (doc.dynamicAreas[0] ?? doc.staticArea)?.id ?? null;
}

function install(doc: EditorDocument, key: string | null): void {
  uninstall();
  const save = key ? createAutosave(doc, key, (draftStatus) => useEditor.setState({ draftStatus })) : null;
  autosave = save;
  const changed = () => {
    const s = editorState();
    const activeAreaId = s.activeAreaId && doc.area(s.activeAreaId) ? s.activeAreaId : defaultArea(doc);
    const selected = s.selectedPoint;
    const points = selected ? doc.trajectoryOf(selected.areaId) : null;
    useEditor.setState({
      version: s.version + 1,
      history: doc.history.state,
      activeAreaId,
      selectedPoint: selected && points && selected.index < points.length ? selected : null,
    });
  };
  const offDoc = doc.subscribe(changed);
  const offHistory = doc.history.subscribe((state) => {
    // Any edit stops the motion preview (it shows the document as it was).
    if (editorState().playing) useEditor.setState({ playing: false });
    changed();
    if (!state.inGesture) save?.touch();
  });
  const offRecord = doc.history.onRecord(() => recorded('document'));
  detach = () => {
    offDoc();
    offHistory();
    offRecord();
  };
  const s = editorState();
  useEditor.setState({
    doc,
    frameKey: key,
    loading: false,
    version: s.version + 1,
    history: doc.history.state,
    activeAreaId: defaultArea(doc),
    selectedPoint: null,
    preview: null,
    playing: false,
    fitted: true,
    draftStatus: 'saved',
  });
}

function uninstall(): void {
  // A select still running was made for this document: stop it (its result would be ignored anyway, see
  // commit-selection.ts), say nothing over the next photo, and let the worker drop this photo.
  if (cancelTools()) setStatus({ kind: 'idle' });
  forgetDocumentInTools();
  releaseSelectionFrame();
  detach?.();
  detach = null;
  const doc = editorState().doc;
  const save = autosave;
  autosave = null;
  if (doc) {
    doc.history.cancel();
    void save?.flush().finally(() => doc.labels.dispose());
  }
}

/** Opens the editor on `frame` (or closes it): its draft when there is one, else a fresh document. */
export async function openFrame(frame: Frame | undefined): Promise<void> {
  const ticket = ++opening;
  if (!frame || frame.width < 1 || frame.height < 1) {
    uninstall();
    useEditor.setState({ doc: null, frameKey: null, loading: false, playing: false, preview: null });
    return;
  }
  uninstall();
  useEditor.setState({ doc: null, loading: true, playing: false, preview: null });
  const key = frameKey(frame);
  if (reused?.key === key) {
    // Reuse in editor: exactly what was sent, not the frame's draft; saved as its draft from now on.
    const { doc } = reused;
    reused = null;
    install(doc, key);
    autosave?.touch();
    return;
  }
  let doc: EditorDocument | null = null;
  try {
    const draft = await loadDraft(key);
    if (draft && draft.width === frame.width && draft.height === frame.height) doc = draftToDocument(draft);
  } catch {
    doc = null; // no IndexedDB or a damaged draft: start fresh rather than block the editor
  }
  if (ticket !== opening) return;
  install(doc ?? freshDocument(frame), key);
}

let reused: { key: string; doc: EditorDocument } | null = null;

/** The next time `frame` is opened (the composer takes it as start frame), open `doc` instead of its draft. */
export function openWithDocument(frame: Frame, doc: EditorDocument): void {
  reused = { key: frameKey(frame), doc };
}

/** "New": drops the draft and starts over on the same frame. */
export async function discardDocument(): Promise<void> {
  const { doc, frameKey: key } = editorState();
  if (!doc) return;
  autosave?.cancel();
  if (key) await deleteDraft(key).catch(() => undefined);
  install(freshDocument({ width: doc.start.width, height: doc.start.height, fileName: doc.start.source }), key);
}
