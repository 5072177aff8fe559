// The generations the Library view shows, in order: what the grid asks of them (how many, the one at a place) and
// what it tells them (which places are on screen).
import { useMemo } from 'react';
import type { GenerationView } from '../../shared/library/generation';
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
  /** The grid shows places [first, last): load them. Returns a function to call when they leave the screen. */
  want(first: number, last: number): void | (() => void);
}

export function useResults(): Results {
  const byId = useLibrary((s) => s.byId);
  const loaded = useLibrary((s) => s.loaded);
  const loadError = useLibrary((s) => s.loadError);
  return useMemo(() => {
    const items = Object.values(byId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return {
      total: items.length,
      matching: items.length,
      count: items.length,
      filtered: false,
      loaded,
      ...(loadError ? { loadError } : {}),
      at: (i) => items[i],
      want: () => undefined,
    };
  }, [byId, loaded, loadError]);
}
