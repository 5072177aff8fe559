// The editor's commands in the app's one registry: the toolbar, the areas panel, the shortcuts and the shortcuts
// dialog all read them from there.
import { MAX_DYNAMIC_AREAS } from '../../shared/editor/labels';
import { registerCommands, runCommand, workInFront, type Command } from '../commands/registry';
import * as act from './actions';
import { activeArea, editorState, useEditor, usesBrushSize, type ToolId } from './store';
import { anyToolActive, cancelTools } from './tools/tools';
import { canRedoFrames, canUndoFrames, redoFrames, undoFrames } from '../composer/frames/frame-history';
import { useComposer } from '../store/composer';
import { useView } from '../store/view';
import { motionCommands } from './motion/commands';
import { chooseMaskFile, exportSelectedMask, useMaskIo } from './masks/mask-io';
import { turnOn } from '../composer/feature-switch';
import { didRedo, didUndo, nextRedo, nextUndo, type HistoryKind } from '../commands/undo-order';

/** Commands are off while a modal dialog is open (the player, the shortcuts list, a confirmation) or Settings shows. */
export function editing(): boolean {
  return editorState().doc !== null && noDialog();
}

/**
 * The work in front (no dialog, not Settings: commands/registry.ts) and the Create view: frame changes can be undone
 * even with no document open (after removing the start frame). In the Library view the editor is hidden: its keys
 * (Delete, arrows, letters) belong to the grid there.
 */
const noDialog = () => workInFront() && useView.getState().view === 'create';
const docCanUndo = () => editing() && editorState().history.canUndo;
const docCanRedo = () => editing() && editorState().history.canRedo;

const canUndo = (kind: HistoryKind) => (kind === 'document' ? docCanUndo() : noDialog() && canUndoFrames());
const canRedo = (kind: HistoryKind) => (kind === 'document' ? docCanRedo() : noDialog() && canRedoFrames());

/** Undo whatever happened last: a stroke in the document, or a frame change (see commands/undo-order.ts). */
export function undoAny(): void {
  const kind = nextUndo(canUndo);
  if (!kind) return;
  if (kind === 'document') act.undo();
  else undoFrames(useComposer.getState(), useComposer.getState().restoreFrames);
  didUndo(kind);
}

export function redoAny(): void {
  const kind = nextRedo(canRedo);
  if (!kind) return;
  if (kind === 'document') act.redo();
  else redoFrames(useComposer.getState(), useComposer.getState().restoreFrames);
  didRedo(kind);
}

/** The label of what Ctrl+Z would undo next, for the toolbar. */
export const nextUndoIsFrames = () => nextUndo(canUndo) === 'frames';
export const nextRedoIsFrames = () => nextRedo(canRedo) === 'frames';

const TOOLS: { id: ToolId; label: string; key: string }[] = [
  { id: 'brush', label: 'Brush', key: 'B' },
  { id: 'eraser', label: 'Eraser', key: 'E' },
  { id: 'rect', label: 'Rectangle fill', key: 'R' },
  { id: 'lasso', label: 'Lasso fill', key: 'L' },
  { id: 'trajectory', label: 'Path', key: 'T' },
  { id: 'select-object', label: 'Select object', key: 'W' },
  { id: 'magic-wand', label: 'Magic wand', key: 'Shift+W' },
];

/** A command that paints turns the motion brush on: asked first while an end frame or a camera move is in use. */
const painting = (paint: () => void) => void turnOn('motionBrush', { plain: paint });

export const toolCommandId = (id: ToolId) => `editor.tool.${id}`;

/**
 * [ and ] act only while the chosen tool has a size (its Size slider shows then): with another tool they would change
 * a size nobody sees, found only at the next brush stroke.
 */
const sizedTool = () => editing() && usesBrushSize(editorState().tool);

function hasActiveArea(): boolean {
  return editing() && activeArea() !== null;
}

function activePath(): boolean {
  const s = editorState();
  return editing() && s.activeAreaId !== null && Boolean(s.doc?.trajectoryOf(s.activeAreaId));
}

export function editorCommands(): Command[] {
  return [
    ...TOOLS.map((t) => ({ id: toolCommandId(t.id), label: t.label, shortcut: t.key, enabled: editing, run: () => act.selectTool(t.id) })),
    { id: 'editor.brush.smaller', label: 'Smaller brush or eraser', shortcut: '[', enabled: sizedTool, run: () => act.resizeBrush(1 / 1.25) },
    { id: 'editor.brush.larger', label: 'Larger brush or eraser', shortcut: ']', enabled: sizedTool, run: () => act.resizeBrush(1.25) },
    { id: 'editor.area.still', label: 'Select the still area', shortcut: '0', enabled: editing, run: act.selectStillArea },
    ...Array.from({ length: MAX_DYNAMIC_AREAS }, (_, i) => ({
      id: `editor.area.moving-${i + 1}`,
      label: `Select moving area ${i + 1}`,
      shortcut: String(i + 1),
      enabled: () => editing() && (editorState().doc?.dynamicAreas.length ?? 0) > i,
      run: () => act.selectMovingArea(i + 1),
    })),
    { id: 'editor.area.add', label: 'Add moving area', menu: 'edit', enabled: () => editing() && act.canAddMovingArea(), run: act.addMovingArea },
    { id: 'editor.area.fill', label: 'Fill the whole image', menu: 'edit', enabled: hasActiveArea, run: () => painting(() => act.areaOperation('fillAll')) },
    { id: 'editor.area.invert', label: 'Invert area', menu: 'edit', enabled: hasActiveArea, run: () => painting(() => act.areaOperation('invert')) },
    {
      id: 'editor.area.clear',
      label: 'Clear area',
      menu: 'edit',
      enabled: () => hasActiveArea() && (editorState().doc?.labels.countPixels(activeArea()?.label ?? 0) ?? 0) > 0,
      run: () => act.areaOperation('clear'),
    },
    {
      id: 'editor.area.import-mask',
      label: 'Import mask…',
      enabled: () => hasActiveArea() && !useMaskIo.getState().busy,
      run: () => painting(chooseMaskFile),
    },
    {
      id: 'editor.area.export-mask',
      label: 'Export mask',
      enabled: () => hasActiveArea() && (editorState().doc?.labels.countPixels(activeArea()?.label ?? 0) ?? 0) > 0,
      run: exportSelectedMask,
    },
    { id: 'editor.undo', label: 'Undo', shortcut: 'Mod+Z', menu: 'edit', enabled: () => docCanUndo() || (noDialog() && canUndoFrames()), run: undoAny },
    { id: 'editor.redo', label: 'Redo', shortcut: 'Mod+Shift+Z', menu: 'edit', enabled: () => docCanRedo() || (noDialog() && canRedoFrames()), run: redoAny },
    { id: 'editor.redo.alt', label: 'Redo', shortcut: 'Mod+Y', enabled: () => docCanRedo() || (noDialog() && canRedoFrames()), run: redoAny },
    { id: 'editor.view.fit', label: 'Fit to window', shortcut: 'Mod+0', menu: 'view', enabled: editing, run: act.fitToWindow },
    { id: 'editor.view.zoom-in', label: 'Zoom in', shortcut: '+', menu: 'view', enabled: editing, run: () => act.zoomStep(1) },
    { id: 'editor.view.zoom-out', label: 'Zoom out', shortcut: '-', menu: 'view', enabled: editing, run: () => act.zoomStep(-1) },
    { id: 'editor.view.actual', label: 'Actual pixels (100 %)', menu: 'view', enabled: editing, run: act.actualSize },
    {
      id: 'editor.path.finish',
      label: 'Finish the clicked path',
      shortcut: 'Enter',
      enabled: () => editing() && editorState().tool === 'trajectory' && anyToolActive(),
      run: () => void act.finishPath(),
    },
    { id: 'editor.path.reverse', label: 'Reverse path', menu: 'edit', enabled: activePath, run: () => act.reversePath() },
    { id: 'editor.path.clear', label: 'Clear path', menu: 'edit', enabled: activePath, run: () => act.clearPath() },
    {
      id: 'editor.path.delete-point',
      label: 'Delete the selected point',
      shortcut: 'Delete',
      enabled: () => editing() && editorState().selectedPoint !== null,
      run: act.deleteSelectedPoint,
    },
    {
      id: 'editor.path.delete-point.alt',
      label: 'Delete the selected point',
      shortcut: 'Backspace',
      enabled: () => editing() && editorState().selectedPoint !== null,
      run: act.deleteSelectedPoint,
    },
    {
      id: 'editor.cancel',
      label: 'Cancel what is being drawn',
      shortcut: 'Escape',
      enabled: () => editing() && (anyToolActive() || editorState().selectedPoint !== null),
      run: () => {
        if (!cancelTools()) useEditor.setState({ selectedPoint: null });
      },
    },
    {
      id: 'editor.preview',
      label: 'Play motion preview',
      shortcut: 'P',
      menu: 'view',
      enabled: editing,
      run: () => useEditor.setState((s) => ({ playing: !s.playing })),
    },
    { id: 'editor.new', label: 'New (discard this draft)…', menu: 'file', enabled: editing, run: () => useEditor.setState({ dialog: 'new' }) },
    {
      id: 'editor.help',
      label: 'Keyboard shortcuts',
      shortcut: '?',
      menu: 'help',
      enabled: () => !document.querySelector('dialog[open]'),
      run: () => useEditor.setState({ dialog: 'shortcuts' }),
    },
  ];
}

export function registerEditorCommands(): () => void {
  return registerCommands([...editorCommands(), ...motionCommands()]);
}

export { runCommand };
