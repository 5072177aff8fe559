// The generations the Library view shows, in order: what the grid asks of them (how many, the one at a place) and
// what it tells them (which places are on screen, so their pages are fetched from main).
import { useMemo } from 'react';
import type { GenerationView } from '../../shared/library/generation';
import { isFiltered } from '../../shared/library/query';
import { useLibrary } from '../store/library';

export interface Results {
  /** Generations in the library. */
  total: number;
  /** Generations that match the search and filters (= total without them). */
  matching: number;
  /** Places in the grid (= matching). */
  count: number;
  filtered: boolean;
  loaded: boolean;
  loadError?: string;
  at(index: number): GenerationView | undefined;
  /** The grid shows places [first, last): load them. */
  want(first: number, last: number): void;
}

export function useResults(): Results {
  const byId = useLibrary((s) => s.byId);
  const ids = useLibrary((s) => s.ids);
  const total = useLibrary((s) => s.total);
  const matching = useLibrary((s) => s.matching);
  const query = useLibrary((s) => s.query);
  const loaded = useLibrary((s) => s.loaded);
  const loadError = useLibrary((s) => s.loadError);
  const want = useLibrary((s) => s.want);
  return useMemo(
    () => ({
      total,
      matching,
      count: matching,
      filtered: isFiltered(query),
      loaded,
      ...(loadError ? { loadError } : {}),
      at: (i: number) => {
        const id = ids[i];
        return id === undefined ? undefined : byId[id];
      },
      want,
    }),
    [byId, ids, total, matching, query, loaded, loadError, want],
  );
}
