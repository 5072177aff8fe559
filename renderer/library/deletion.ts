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
  clearTimeout(timer);
  useDeletion.setState({ notice: { token: undoToken, count: deleted.length, refused: refused.map((r) => r.message) }, error: undefined });
  timer = setTimeout(() => useDeletion.setState({ notice: undefined }), NOTICE_MS);
}

export async function undoDelete(): Promise<void> {
  const notice = useDeletion.getState().notice;
  if (!notice) return;
  clearTimeout(timer);
  useDeletion.setState({ notice: undefined });
  await studio.library.undoDelete({ token: notice.token });
  useLibrary.getState().refresh();
}
