// Tools are small state machines: idle → active (pointer down) → idle (pointer up commits, Escape cancels back to
// the history mark). The canvas only forwards pointer positions, already in image pixels.
import type { Point } from '../../../shared/editor/geometry';
import type { Area, EditorDocument } from '../model/document';
import type { SelectedPoint, ToolPreview } from '../store';

/** Keys held with the pointer press or release (selection tools: Shift adds, Alt subtracts). */
export interface Modifiers {
  shift: boolean;
  alt: boolean;
}

export const NO_MODIFIERS: Modifiers = { shift: false, alt: false };

export interface ToolContext {
  doc: EditorDocument;
  modifiers: Modifiers;
  area: Area | null;
  /** Brush radius in image pixels. */
  brushRadius: number;
  /** Screen pixels per image pixel (hit radii are in screen pixels). */
  scale: number;
  setPreview(preview: ToolPreview | null): void;
  selectPoint(point: SelectedPoint | null): void;
  selectedPoint: SelectedPoint | null;
}

export interface Tool {
  /** True between down and up (or while a click-by-click path is open). */
  readonly active: boolean;
  /**
   * A press puts paint into the active area (brush, fills, selections), which turns the motion brush on; erasing and
   * paths add nothing the motion brush would send without paint, so they never ask to switch.
   */
  readonly paints: boolean;
  down(p: Point, ctx: ToolContext): void;
  /** Every sample since the last call (coalesced pointer events), oldest first. */
  move(points: readonly Point[], ctx: ToolContext): void;
  up(p: Point, ctx: ToolContext): void;
  /** Escape: back to how things were before the gesture. */
  cancel(ctx: ToolContext): void;
  /** Enter or double-click: finish what is open. */
  finish?(ctx: ToolContext): boolean;
  /** The document closed: drop whatever the tool keeps about it (it would hold the closed document in memory). */
  forget?(): void;
}
