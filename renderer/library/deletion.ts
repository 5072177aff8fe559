// Deleting from the Library view: main moves the folders out at once (kept for undo, then to the system trash); the
// window drops the cards and shows a notice with Undo until the undo time is over.
import { create } from 'zustand';
import { studio } from '../api';
import { useLibrary } from '../store/library';

/** A little less than main's UNDO_MS (electron/library/deletion.ts), so Undo never offers what is already gone. */
const NOTICE_MS = 10_000;

interface Notice {
  token: string;
  count: number;
  refused: string[];
}

interface DeletionState {
  notice?: Notice;
  error?: string;
  dismiss(): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** When the notice goes (Date.now() ms): an Undo refused for now (the library is being moved) is offered until then. */
let until = 0;

const hideLater = (ms: number) => {
  clearTimeout(timer);
  timer = setTimeout(() => useDeletion.setState({ notice: undefined, error: undefined }), Math.max(0, ms));
};

export const useDeletion = create<DeletionState>((set) => ({
  dismiss: () => {
    clearTimeout(timer);
    set({ notice: undefined, error: undefined });
  },
}));

export async function deleteGenerations(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const result = await studio.library.delete({ ids });
  if (!result.ok) {
    useDeletion.setState({ error: result.error.message });
    return;
  }
  const { deleted, refused, undoToken } = result.value;
  useLibrary.getState().remove(deleted);
  useLibrary.getState().refresh();
  useDeletion.setState({ notice: { token: undoToken, count: deleted.length, refused: refused.map((r) => r.message) }, error: undefined });
  until = Date.now() + NOTICE_MS;
  hideLater(NOTICE_MS);
}

export async function undoDelete(): Promise<void> {
  const notice = useDeletion.getState().notice;
  if (!notice) return;
  clearTimeout(timer);
  useDeletion.setState({ notice: undefined, error: undefined });
  const result = await studio.library.undoDelete({ token: notice.token });
  if (!result.ok) {
    // Refused for now (the library is being moved): said, and Undo offered again for the time the notice had left.
    useDeletion.setState({ notice, error: `Not undone: ${result.error.message}` });
    hideLater(until - Date.now());
    return;
  }
  if (result.value.restored.length === 0) {
    useDeletion.setState({ error: 'Could not undo: the deleted generations are no longer waiting here (look in the system trash).' });
    hideLater(NOTICE_MS);
  }
  useLibrary.getState().refresh();
}
