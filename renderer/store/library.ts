// What the window holds of the library: the pages of the current results that were asked for (never the whole
// library), the Create view's strip (in flight + newest), and the generation open in the player. Main searches,
// filters and sorts over its index; this store asks for pages of 60 as the grid scrolls.
import { create } from 'zustand';
import type { LibraryProblem } from '../../shared/ipc/contract';
import type { LibraryPage } from '../../shared/ipc/library-contract';
import type { GenerationView } from '../../shared/library/generation';
import type { LibraryQuery } from '../../shared/library/query';
import { studio } from '../api';

export const PAGE_SIZE = 60;
const RECENT = 12;

export interface LibraryState {
  /** Every generation the window holds (pages, strip, events). */
  byId: Record<string, GenerationView>;
  loaded: boolean;
  loadError?: string;
  problems: LibraryProblem[];
  /** The generation open in the player, if any (view state). */
  openId?: string;
  query: LibraryQuery;
  /** The results: `ids[i]` is the generation at place i, undefined until its page arrives. */
  ids: (string | undefined)[];
  total: number;
  matching: number;
  damaged: number;
  facets: LibraryPage['facets'];
  /** The Create view's strip: in flight first, then the newest. */
  recentIds: string[];
  /**
   * Counts the library's changes the window heard of (a generation came, went, came back or changed status): whatever
   * main answers from the library (the composer's last price) asks again when it moves.
   */
  revision: number;
  setLoadError(message: string): void;
  upsert(item: GenerationView): void;
  open(id: string | undefined): void;
  setQuery(patch: Partial<LibraryQuery>): void;
  /** The grid shows places [first, last): load their pages. */
  want(first: number, last: number): void;
  /** Load places [first, last) without moving what the grid asked for (the player's previous and next). */
  ensure(first: number, last: number): void;
  /** Ask again for what is shown (after a change: a new generation, a deletion, a status that moved). */
  refresh(): void;
  /** At start: the first page and the strip, asked for once (a refresh would ask again and drop what was on its way). */
  load(): void;
  /** Take generations out of the window (deleted) until the refresh that follows. */
  remove(ids: string[]): void;
  loadProblems(): Promise<void>;
}

let generation = 0;
const requested = new Map<number, number>(); // page index → generation of the request
let wanted: [number, number] = [0, PAGE_SIZE];
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

export const useLibrary = create<LibraryState>((set, get) => {
  const tzOffsetMinutes = () => -new Date().getTimezoneOffset();

  async function loadPage(page: number): Promise<void> {
    if (requested.get(page) === generation) return;
    const mine = generation;
    requested.set(page, mine);
    const result = await studio.library.page({ query: { ...get().query, tzOffsetMinutes: tzOffsetMinutes() }, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    if (mine !== generation) return; // the query changed meanwhile
    if (!result.ok) {
      requested.delete(page);
      set({ loadError: result.error.message, loaded: true });
      return;
    }
    const { items, total, matching, damaged, facets, offset } = result.value;
    set((s) => {
      const ids = s.ids.length === matching ? [...s.ids] : Array.from({ length: matching }, (_, i) => s.ids[i]);
      items.forEach((g, i) => (ids[offset + i] = g.id));
      const byId = { ...s.byId };
      for (const g of items) if (!byId[g.id] || byId[g.id]!.updatedAt <= g.updatedAt) byId[g.id] = g;
      return { ids, byId, total, matching, damaged, facets, loaded: true, loadError: undefined };
    });
  }

  async function loadRecent(): Promise<void> {
    const tz = tzOffsetMinutes();
    const [inFlight, newest] = await Promise.all([
      studio.library.page({ query: { status: 'in-flight', tzOffsetMinutes: tz }, offset: 0, limit: 50 }),
      studio.library.page({ query: { tzOffsetMinutes: tz }, offset: 0, limit: RECENT }),
    ]);
    if (!inFlight.ok || !newest.ok) return;
    const items = [...inFlight.value.items, ...newest.value.items];
    set((s) => {
      const byId = { ...s.byId };
      for (const g of items) if (!byId[g.id] || byId[g.id]!.updatedAt <= g.updatedAt) byId[g.id] = g;
      return { byId, recentIds: [...new Set(items.map((g) => g.id))] };
    });
  }

  /** Load the pages that hold places [first, last) (each page once per query). */
  const loadPlaces = (first: number, last: number) => {
    for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p <= Math.floor(Math.max(first, last - 1) / PAGE_SIZE); p++) void loadPage(p);
  };

  const reload = () => {
    generation += 1;
    set((s) => ({ revision: s.revision + 1 }));
    requested.clear();
    loadPlaces(...wanted);
    void loadRecent();
  };

  return {
    byId: {},
    loaded: false,
    problems: [],
    query: { search: '', sort: 'newest' },
    ids: [],
    total: 0,
    matching: 0,
    damaged: 0,
    facets: { models: [], profiles: [] },
    recentIds: [],
    revision: 0,
    setLoadError: (loadError) => set({ loadError, loaded: true }),
    // Events can arrive out of order (a progress write racing a final one): the newer record wins.
    upsert: (item) => {
      const old = get().byId[item.id];
      if (old && old.updatedAt > item.updatedAt) return;
      set((s) => ({ byId: { ...s.byId, [item.id]: item } }));
      // A new generation, or one that changed status, may enter or leave the results and the strip.
      if (!old || old.status !== item.status) get().refresh();
    },
    open: (openId) => set({ openId }),
    setQuery: (patch) => {
      set((s) => ({ query: { ...s.query, ...patch } }));
      wanted = [0, PAGE_SIZE];
      generation += 1;
      requested.clear();
      set({ ids: [] });
      void loadPage(0);
    },
    want: (first, last) => {
      wanted = [first, last];
      loadPlaces(first, last);
    },
    ensure: (first, last) => loadPlaces(Math.max(0, first), Math.min(get().matching, last)),
    load: () => {
      get().want(0, PAGE_SIZE);
      void loadRecent();
    },
    refresh: () => {
      if (refreshTimer) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        reload();
      }, 150);
    },
    remove: (ids) => {
      const gone = new Set(ids);
      set((s) => ({
        ids: s.ids.filter((id) => id === undefined || !gone.has(id)),
        matching: Math.max(0, s.matching - ids.length),
        total: Math.max(0, s.total - ids.length),
        recentIds: s.recentIds.filter((id) => !gone.has(id)),
      }));
    },
    loadProblems: async () => {
      const result = await studio.library.damaged({});
      if (result.ok) set({ problems: result.value });
    },
  };
});
