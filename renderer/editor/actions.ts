// What the toolbar, the areas panel and the shortcuts do to the document and the view.
import { MAX_DYNAMIC_AREAS } from '../../shared/editor/labels';
import { fitView, stepScale, zoomAt } from './canvas/viewport';
import { activeArea, clampBrush, editorState, useEditor, type ToolId } from './store';
import { cancelTools, tool, toolContext } from './tools/tools';

export function selectTool(id: ToolId): void {
  const s = editorState();
  if (s.tool === id) return;
  cancelTools();
  useEditor.setState({ tool: id, selectedPoint: null });
}

export function selectArea(id: string): void {
  if (editorState().activeAreaId === id) return;
  cancelTools();
  useEditor.setState({ activeAreaId: id, selectedPoint: null });
}

export function canAddMovingArea(): boolean {
  const doc = editorState().doc;
  return Boolean(doc) && (doc?.dynamicAreas.length ?? 0) < MAX_DYNAMIC_AREAS;
}

export function addMovingArea(): void {
  const doc = editorState().doc;
  if (!doc || !canAddMovingArea()) return;
  const area = doc.addArea('dynamic');
  selectArea(area.id);
}

export function selectStillArea(): void {
  const doc = editorState().doc;
  if (!doc) return;
  selectArea((doc.staticArea ?? doc.addArea('static')).id);
}

export function selectMovingArea(n: number): void {
  const area = editorState().doc?.dynamicAreas[n - 1];
  if (area) selectArea(area.id);
}

export function resizeBrush(factor: number): void {
  const s = editorState();
  const next = clampBrush(factor > 1 ? Math.max(s.brushSize + 1, s.brushSize * factor) : Math.min(s.brushSize - 1, s.brushSize * factor));
  useEditor.setState({ brushSize: next });
}

export function fitToWindow(): void {
  const { doc, stageSize } = editorState();
  if (!doc || stageSize.width < 1) return;
  useEditor.setState({ view: fitView(doc.start, stageSize), fitted: true });
}

export function zoomStep(direction: 1 | -1): void {
  const { view, stageSize } = editorState();
  const anchor = { x: stageSize.width / 2, y: stageSize.height / 2 };
  useEditor.setState({ view: zoomAt(view, stepScale(view.scale, direction), anchor), fitted: false });
}

export function actualSize(): void {
  const { view, stageSize } = editorState();
  useEditor.setState({ view: zoomAt(view, 1, { x: stageSize.width / 2, y: stageSize.height / 2 }), fitted: false });
}

export function undo(): void {
  cancelTools();
  editorState().doc?.history.undo();
}

export function redo(): void {
  cancelTools();
  editorState().doc?.history.redo();
}

/** Fill all / invert / clear for the active area. */
export function areaOperation(op: 'fillAll' | 'invert' | 'clear'): void {
  const s = editorState();
  const area = activeArea(s);
  if (!s.doc || !area) return;
  cancelTools();
  if (op === 'fillAll') s.doc.labels.fillAll(area.label);
  else if (op === 'invert') s.doc.labels.invert(area.label);
  else s.doc.labels.clear(area.label);
}

export function finishPath(): boolean {
  const ctx = toolContext();
  return ctx ? (tool('trajectory').finish?.(ctx) ?? false) : false;
}

export function reversePath(areaId?: string): void {
  const s = editorState();
  const id = areaId ?? s.activeAreaId;
  const path = id ? s.doc?.trajectoryOf(id) : null;
  if (!s.doc || !id || !path) return;
  s.doc.setTrajectory(id, [...path].reverse());
  useEditor.setState({ selectedPoint: null });
}

export function clearPath(areaId?: string): void {
  const s = editorState();
  const id = areaId ?? s.activeAreaId;
  if (!s.doc || !id || !s.doc.trajectoryOf(id)) return;
  s.doc.setTrajectory(id, null);
  useEditor.setState({ selectedPoint: null });
}

/** Removes the selected point; a path left with fewer than two points is removed. */
export function deleteSelectedPoint(): void {
  const s = editorState();
  const sel = s.selectedPoint;
  const path = sel ? s.doc?.trajectoryOf(sel.areaId) : null;
  if (!s.doc || !sel || !path) return;
  const rest = path.filter((_, i) => i !== sel.index);
  s.doc.setTrajectory(sel.areaId, rest.length >= 2 ? rest : null);
  useEditor.setState({ selectedPoint: null });
}
