// One instance of each tool; the store says which is active.
import { activeArea, editorState, useEditor, type ToolId } from '../store';
import { createPaintTool } from './paint-tool';
import { createMagicWandTool } from './magic-wand-tool';
import { createObjectSelectTool } from './object-select-tool';
import { createLassoTool, createRectTool } from './shape-tools';
import { NO_MODIFIERS, type Modifiers, type Tool, type ToolContext } from './tool';
import { createTrajectoryTool } from './trajectory-tool';

const tools: Record<ToolId, Tool> = {
  brush: createPaintTool('paint'),
  eraser: createPaintTool('erase'),
  rect: createRectTool(),
  lasso: createLassoTool(),
  trajectory: createTrajectoryTool(),
  'select-object': createObjectSelectTool(),
  'magic-wand': createMagicWandTool(),
};

export function tool(id: ToolId = editorState().tool): Tool {
  return tools[id];
}

/** The context the active tool works in, read fresh from the store at each event. */
export function toolContext(modifiers: Modifiers = NO_MODIFIERS): ToolContext | null {
  const s = editorState();
  if (!s.doc) return null;
  return {
    doc: s.doc,
    modifiers,
    area: activeArea(s),
    brushRadius: s.brushSize / 2,
    scale: s.view.scale,
    setPreview: (preview) => useEditor.setState({ preview }),
    selectPoint: (selectedPoint) => useEditor.setState({ selectedPoint }),
    selectedPoint: s.selectedPoint,
  };
}

/** Escape: cancels whatever any tool has open. */
export function cancelTools(): boolean {
  const ctx = toolContext();
  if (!ctx) return false;
  let any = false;
  for (const t of Object.values(tools)) {
    if (t.active) {
      t.cancel(ctx);
      any = true;
    }
  }
  return any;
}

/** The document closed: every tool drops what it keeps about it. */
export function forgetDocumentInTools(): void {
  for (const t of Object.values(tools)) t.forget?.();
}

export function anyToolActive(): boolean {
  return Object.values(tools).some((t) => t.active);
}
