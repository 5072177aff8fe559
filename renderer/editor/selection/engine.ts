// The app's one selection engine. The worker is only made when a selection tool is first used.
import { createSelectionEngine, type SelectionEngine } from './selection-engine';

let engine: SelectionEngine | null = null;

export function selectionEngine(): SelectionEngine {
  engine ??= createSelectionEngine(() => new Worker(new URL('../workers/selection.worker.ts', import.meta.url), { name: 'selection' }));
  return engine;
}

/** The document closed: the worker (if there is one) drops the photo it keeps for the magic wand. */
export function releaseSelectionFrame(): void {
  engine?.forgetFrame();
}
