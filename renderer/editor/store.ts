// Editor state for the UI: the open document (its pixels and history live in the model, not here) and the VIEW
// state (tool, active area, brush size, zoom/pan, dialogs). View state never enters undo history.
import { create } from 'zustand';
import type { Point } from '../../shared/editor/geometry';
import type { DraftStatus } from './drafts/autosave';
import type { EditorDocument } from './model/document';
import type { HistoryState } from './model/history';

export type ToolId = 'brush' | 'eraser' | 'rect' | 'lasso' | 'trajectory' | 'select-object' | 'magic-wand';

/** The tools that paint with the brush size: the Size slider shows for them, and [ and ] act only with them. */
export const usesBrushSize = (tool: ToolId): boolean => tool === 'brush' || tool === 'eraser';

export interface View {
  /** Screen pixels per image pixel. */
  scale: number;
  /** Where the image's top-left corner is on the stage, in screen pixels. */
  x: number;
  y: number;
}

/** What the active tool shows while it works (screen-independent: image pixels). */
export type ToolPreview =
  | { kind: 'rect'; from: Point; to: Point }
  | { kind: 'lasso'; points: readonly Point[] }
  | { kind: 'path'; points: readonly Point[] }
  | { kind: 'clicks'; points: readonly Point[] }
  | { kind: 'move-point'; areaId: string; points: readonly Point[] };

export interface SelectedPoint {
  areaId: string;
  index: number;
}

export const MIN_BRUSH = 1;
export const MAX_BRUSH = 400;

export interface EditorState {
  doc: EditorDocument | null;
  /** Bumped on every document change (metadata, history, pixels after a gesture); components re-read the doc. */
  version: number;
  history: HistoryState;
  /** The draft key of the open document's start frame. */
  frameKey: string | null;
  loading: boolean;
  tool: ToolId;
  activeAreaId: string | null;
  /** Brush diameter in image pixels. */
  brushSize: number;
  view: View;
  /** The canvas area in CSS pixels. */
  stageSize: { width: number; height: number };
  /** True while the view is "fit to window"; resizing the window refits. */
  fitted: boolean;
  preview: ToolPreview | null;
  selectedPoint: SelectedPoint | null;
  /** Areas hidden on screen (to see what is under them). View state: hiding is not an edit, so it is not undone. */
  hiddenAreas: ReadonlySet<string>;
  playing: boolean;
  dialog: 'shortcuts' | 'new' | null;
  draftStatus: DraftStatus;
  set(patch: Partial<Omit<EditorState, 'set'>>): void;
}

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, inGesture: false };

export const useEditor = create<EditorState>((set) => ({
  doc: null,
  version: 0,
  history: NO_HISTORY,
  frameKey: null,
  loading: false,
  tool: 'brush',
  activeAreaId: null,
  brushSize: 40,
  view: { scale: 1, x: 0, y: 0 },
  stageSize: { width: 0, height: 0 },
  fitted: true,
  preview: null,
  selectedPoint: null,
  hiddenAreas: new Set<string>(),
  playing: false,
  dialog: null,
  draftStatus: 'saved',
  set: (patch) => set(patch),
}));

export function editorState(): EditorState {
  return useEditor.getState();
}

export function activeArea(s: EditorState = editorState()) {
  return s.doc && s.activeAreaId ? s.doc.area(s.activeAreaId) : null;
}

export function clampBrush(size: number): number {
  return Math.max(MIN_BRUSH, Math.min(MAX_BRUSH, Math.round(size)));
}

export function toggleHidden(areaId: string): void {
  const hidden = new Set(editorState().hiddenAreas);
  if (!hidden.delete(areaId)) hidden.add(areaId);
  editorState().set({ hiddenAreas: hidden });
}
