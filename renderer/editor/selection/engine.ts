// The app's one selection engine. The worker is only made when a selection tool is first used.
import type { EditorDocument } from '../model/document';
import { photoFrame } from './frame-pixels';
import { createSelectionEngine, SelectionCancelled, type SelectionEngine } from './selection-engine';
import { tellUser, useSelectionUi } from './selection-store';

let engine: SelectionEngine | null = null;

export function selectionEngine(): SelectionEngine {
  engine ??= createSelectionEngine(
    () => new Worker(new URL('../workers/selection.worker.ts', import.meta.url), { name: 'selection' }),
    (state) => useSelectionUi.setState({ engine: state }),
    () => useSelectionUi.setState((s) => ({ photoDrops: s.photoDrops + 1 })),
  );
  return engine;
}

/** Loads the object select's engine in the background (the tool was chosen); a failure is told over the canvas. */
export function warmUpObjectSelect(): void {
  selectionEngine()
    .warmUp()
    .catch((error: unknown) => {
      if (!(error instanceof SelectionCancelled)) tellUser(error instanceof Error ? error.message : String(error), 'error');
    });
}

/**
 * A selection tool was chosen on `doc`: its photo goes to the worker now. A failure is not told here: the box or
 * click that needs the photo asks for it again and tells why it could not have it.
 */
export function prepareSelectionFrame(doc: EditorDocument): void {
  selectionEngine()
    .prepare(photoFrame(doc))
    .catch(() => {});
}

/** The document closed: the worker (if there is one) drops the photo it keeps. */
export function releaseSelectionFrame(): void {
  engine?.forgetFrame();
}
