import { create } from 'zustand';
import type { LibraryProblem } from '../../shared/ipc/contract';
import type { GenerationView } from '../../shared/library/generation';

export interface LibraryState {
  byId: Record<string, GenerationView>;
  loaded: boolean;
  loadError?: string;
  problems: LibraryProblem[];
  /** The generation open in the player, if any (view state). */
  openId?: string;
  setAll(items: GenerationView[], problems: LibraryProblem[]): void;
  setLoadError(message: string): void;
  upsert(item: GenerationView): void;
  open(id: string | undefined): void;
}

export const useLibrary = create<LibraryState>((set) => ({
  byId: {},
  loaded: false,
  problems: [],
  setAll: (items, problems) =>
    set({ byId: Object.fromEntries(items.map((i) => [i.id, i])), problems, loaded: true, loadError: undefined }),
  setLoadError: (loadError) => set({ loadError, loaded: true }),
  // Events can arrive out of order (a progress write racing a final one): the newer record wins.
  upsert: (item) =>
    set((s) => {
      const old = s.byId[item.id];
      if (old && old.updatedAt > item.updatedAt) return s;
      return { byId: { ...s.byId, [item.id]: item } };
    }),
  open: (openId) => set({ openId }),
}));
