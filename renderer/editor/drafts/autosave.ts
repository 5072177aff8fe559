// Debounced autosave: a burst of strokes writes one draft, DELAY_MS after the last change.
import { documentToDraft } from './draft-codec';
import { saveDraft } from './draft-store';
import type { EditorDocument } from '../model/document';

const DELAY_MS = 600;

export interface Autosave {
  /** Something changed: save a little later. */
  touch(): void;
  /** Save now if a save is pending (before the document is replaced). */
  flush(): Promise<void>;
  /** Forget pending changes (the draft was discarded). */
  cancel(): void;
}

export type DraftStatus = 'saved' | 'pending' | 'failed';

export function createAutosave(doc: EditorDocument, key: string, onStatus: (status: DraftStatus) => void = () => undefined): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    timer = null;
    saving = saving
      .then(() => saveDraft(documentToDraft(doc, key)))
      .then(
        () => onStatus(timer ? 'pending' : 'saved'),
        () => onStatus('failed'),
      );
    return saving;
  };
  return {
    touch() {
      if (timer) clearTimeout(timer);
      onStatus('pending');
      timer = setTimeout(() => void save(), DELAY_MS);
    },
    flush() {
      if (!timer) return saving;
      clearTimeout(timer);
      return save();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
