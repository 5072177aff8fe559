// Previous / next generation for ← →, in the order the library shows them (newest first).
import type { GenerationView } from '../../../shared/library/generation';

export function neighbours(byId: Record<string, GenerationView>, id: string): { previous?: string; next?: string } {
  const order = Object.values(byId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((g) => g.id);
  const at = order.indexOf(id);
  if (at < 0) return {};
  const previous = order[at - 1];
  const next = order[at + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

export function generationTitle(g: Pick<GenerationView, 'settings' | 'origin' | 'taskId'>): string {
  return g.settings.prompt.trim() || (g.origin === 'import' ? `Imported task ${g.taskId?.slice(0, 8) ?? ''}`.trim() : 'Untitled');
}
