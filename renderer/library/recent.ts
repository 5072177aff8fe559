// What the Create view's strip shows, in its order: generations in flight, then the newest finished ones.
import { isFinished, type GenerationView } from '../../shared/library/generation';

/** Finished generations shown beside those in flight. */
const NEWEST = 12;

/** In flight first (they are what a person waits for), then the newest finished, newest first in each. */
export function recentOf(all: GenerationView[], newest = NEWEST): GenerationView[] {
  const sorted = [...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...sorted.filter((g) => !isFinished(g.status)), ...sorted.filter((g) => isFinished(g.status)).slice(0, newest)];
}

/** The strip's cards: those of its pages, and any in flight the window heard of (a Generate lands here before the next page). */
export function stripItems(byId: Record<string, GenerationView>, recentIds: readonly string[]): GenerationView[] {
  return recentOf(Object.values(byId).filter((g) => recentIds.includes(g.id) || !isFinished(g.status)));
}
