// The Request view's state: open or not, what main last built, and which images are shown whole.
import { create } from 'zustand';
import type { RequestPreview } from '../../../shared/ipc/contract';
import { studio } from '../../api';
import { composedRequest } from '../generate';

interface RequestViewState {
  open: boolean;
  loading: boolean;
  preview?: RequestPreview;
  error?: string;
  expanded: string[];
  show(): Promise<void>;
  expand(paths: string[]): Promise<void>;
  close(): void;
}

async function fetchPreview(expand: string[]): Promise<{ preview?: RequestPreview; error?: string }> {
  const request = composedRequest();
  if (!request) return { error: 'Add a start frame first: the request is built from it.' };
  const result = await studio.composer.previewRequest({ ...request, expand });
  return result.ok ? { preview: result.value } : { error: result.error.message };
}

export const useRequestView = create<RequestViewState>((set, get) => ({
  open: false,
  loading: false,
  expanded: [],
  async show() {
    set({ open: true, loading: true, expanded: [], error: undefined });
    const { preview, error } = await fetchPreview([]);
    set({ loading: false, preview, error });
  },
  async expand(paths) {
    const expanded = [...new Set([...get().expanded, ...paths])];
    set({ loading: true });
    const { preview, error } = await fetchPreview(expanded);
    const shown = get().preview;
    // Each build stands in a fresh external_task_id; keep the one already on screen so only the image changes.
    const kept =
      preview?.body && shown?.body?.external_task_id
        ? { ...preview, body: { ...preview.body, external_task_id: shown.body.external_task_id } }
        : preview;
    set({ loading: false, expanded, preview: kept, error });
  },
  close: () => set({ open: false, preview: undefined, expanded: [], error: undefined }),
}));
