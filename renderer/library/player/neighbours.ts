// Previous / next generation for ← →: in the order the person sees behind the player. In the Library view that is
// the grid's results, with the search, filters and sort as they are set (a page of them may not be in the window
// yet: `missing` says which places to load); in the Create view, the strip's order.
import type { GenerationView } from '../../../shared/library/generation';
import type { LibraryState } from '../../store/library';
import type { ViewName } from '../../store/view';
import { stripItems } from '../recent';

/** Ids in the order shown behind the player; undefined where a place's page has not arrived. */
export function orderBehind(s: Pick<LibraryState, 'ids' | 'byId' | 'recentIds'>, view: ViewName): readonly (string | undefined)[] {
  return view === 'create' ? stripItems(s.byId, s.recentIds).map((g) => g.id) : s.ids;
}

export function neighbours(order: readonly (string | undefined)[], id: string): { previous?: string; next?: string; missing: number[] } {
  const at = order.indexOf(id);
  if (at < 0) return { missing: [] };
  const previous = order[at - 1];
  const next = order[at + 1];
  const missing = [at - 1, at + 1].filter((i) => i >= 0 && i < order.length && order[i] === undefined);
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}), missing };
}

export function generationTitle(g: Pick<GenerationView, 'settings' | 'origin' | 'taskId'>): string {
  return g.settings.prompt.trim() || (g.origin === 'import' ? `Imported task ${g.taskId?.slice(0, 8) ?? ''}`.trim() : 'Untitled');
}
