// View state of the selection tools (not part of the document, never undone): the magic wand's tolerance, what the
// selection engine is doing and whether the object select's engine is loaded, for the progress hint over the canvas.
import { create } from 'zustand';
import type { EngineState } from './selection-engine';

export const DEFAULT_TOLERANCE = 32;

export type SelectionStatus =
  | { kind: 'idle' }
  | { kind: 'working'; what: 'object' | 'wand' }
  | { kind: 'message'; text: string; tone: 'info' | 'error' };

interface SelectionUi {
  /** Magic wand: how far (0–255, per channel) a colour may be from the clicked one. */
  tolerance: number;
  status: SelectionStatus;
  /** Whether the object select's engine is loaded in its worker. */
  engine: EngineState;
  /** Counts the times the worker ended holding the photo (a cancel or a crash): the photo is then sent again. */
  photoDrops: number;
}

export const useSelectionUi = create<SelectionUi>(() => ({
  tolerance: DEFAULT_TOLERANCE,
  status: { kind: 'idle' },
  engine: 'cold',
  photoDrops: 0,
}));

/**
 * Whether the canvas is about to change or cannot take a selection yet: a selection is running, or the object
 * select is the tool and its engine is not loaded (from the moment the tool is chosen, not only once the loading
 * hint shows). The canvas says so with aria-busy.
 */
export function selectionBusy(s: Pick<SelectionUi, 'status' | 'engine'>, tool: string): boolean {
  if (s.status.kind === 'working') return true;
  return tool === 'select-object' && (s.engine === 'cold' || s.engine === 'loading');
}

export function setStatus(status: SelectionStatus): void {
  useSelectionUi.setState({ status });
}

export function tellUser(text: string, tone: 'info' | 'error' = 'info'): void {
  setStatus({ kind: 'message', text, tone });
}
