// View state of the selection tools (not part of the document, never undone): the magic wand's tolerance and what
// the selection engine is doing, for the progress hint over the canvas.
import { create } from 'zustand';

export const DEFAULT_TOLERANCE = 32;

export type SelectionStatus =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'working'; what: 'object' | 'wand' }
  | { kind: 'message'; text: string; tone: 'info' | 'error' };

interface SelectionUi {
  /** Magic wand: how far (0–255, per channel) a colour may be from the clicked one. */
  tolerance: number;
  status: SelectionStatus;
}

export const useSelectionUi = create<SelectionUi>(() => ({ tolerance: DEFAULT_TOLERANCE, status: { kind: 'idle' } }));

export function setStatus(status: SelectionStatus): void {
  useSelectionUi.setState({ status });
}

export function tellUser(text: string, tone: 'info' | 'error' = 'info'): void {
  setStatus({ kind: 'message', text, tone });
}
