// Tools, the chosen tool's options, undo/redo, zoom and preview: everything above the canvas.
import { getCommand, shortcutLabel } from '../../commands/registry';
import { nextRedoIsFrames, nextUndoIsFrames, toolCommandId } from '../commands';
import { useEditor, type ToolId } from '../store';
import { frameStepName, useFrameHistory } from '../../composer/frames/frame-history';
import { CommandButton } from './CommandButton';
import { ToolOptions } from './ToolOptions';

const TOOL_ICONS: { id: ToolId; icon: string; text: string }[] = [
  { id: 'brush', icon: '●', text: 'Brush' },
  { id: 'eraser', icon: '◌', text: 'Eraser' },
  { id: 'rect', icon: '▭', text: 'Rectangle' },
  { id: 'lasso', icon: '◯', text: 'Lasso' },
  { id: 'trajectory', icon: '↗', text: 'Path' },
  { id: 'select-object', icon: '⬚', text: 'Object' },
  { id: 'magic-wand', icon: '✦', text: 'Wand' },
];

export function Toolbar() {
  const tool = useEditor((s) => s.tool);
  const playing = useEditor((s) => s.playing);
  const history = useEditor((s) => s.history);
  // The lists, not "any": every frame change must re-render the labels (it may now be what Ctrl+Z undoes).
  const frames = useFrameHistory();
  const framesPast = frames.past.length > 0;
  const framesFuture = frames.future.length > 0;
  useEditor((s) => s.version);
  const draftStatus = useEditor((s) => s.draftStatus);

  return (
    <div className="ed-toolbar" role="toolbar" aria-label="Editor tools">
      <div className="ed-group" role="group" aria-label="Tools">
        {TOOL_ICONS.map((t) => (
          <CommandButton key={t.id} id={toolCommandId(t.id)} pressed={tool === t.id} className="ed-tool">
            <span aria-hidden="true" className="ed-tool__icon">
              {t.icon}
            </span>
            <span className="ed-tool__text">{t.text}</span>
            <ShortcutHint id={toolCommandId(t.id)} />
          </CommandButton>
        ))}
      </div>
      <ToolOptions tool={tool} />
      <div className="ed-group" role="group" aria-label="History">
        <CommandButton id="editor.undo" label={framesPast && nextUndoIsFrames() ? `Undo ${frameStepName(frames, 'past')}` : history.undoLabel ? `Undo ${history.undoLabel}` : 'Undo'}>
          ↶
        </CommandButton>
        <CommandButton id="editor.redo" label={framesFuture && nextRedoIsFrames() ? `Redo ${frameStepName(frames, 'future')}` : history.redoLabel ? `Redo ${history.redoLabel}` : 'Redo'}>
          ↷
        </CommandButton>
      </div>
      <div className="ed-group ed-group--end">
        <CommandButton id="editor.preview" pressed={playing} label={playing ? 'Stop motion preview' : 'Play motion preview'}>
          {playing ? '■ Stop' : '▶ Play'}
        </CommandButton>
        <span className={`ed-draft ed-draft--${draftStatus}`} role="status" aria-label="Draft">
          {draftStatus === 'saved' ? 'Draft saved' : draftStatus === 'pending' ? 'Saving…' : 'Draft not saved'}
        </span>
        <CommandButton id="editor.new" label="New (discard this draft)">
          New
        </CommandButton>
        <CommandButton id="editor.help" label="Keyboard shortcuts">
          ?
        </CommandButton>
      </div>
    </div>
  );
}

/**
 * The key, drawn by CSS from an attribute rather than as text: the button's name is its label with the shortcut in
 * aria-keyshortcuts, and text inside the button that the name lacks fails WCAG 2.5.3 (label in name; axe-core).
 */
function ShortcutHint({ id }: { id: string }) {
  const shortcut = getCommand(id)?.shortcut;
  return shortcut ? <kbd className="ed-kbd" aria-hidden="true" data-key={shortcutLabel(shortcut)} /> : null;
}

/** Zoom controls, floating over the canvas's corner. */
export function ZoomBar() {
  const scale = useEditor((s) => s.view.scale);
  return (
    <div className="ed-zoombar" role="group" aria-label="Zoom">
      <CommandButton id="editor.view.zoom-out">−</CommandButton>
      <span className="ed-zoom" aria-live="polite" aria-label="Zoom level">
        {Math.round(scale * 100)}%
      </span>
      <CommandButton id="editor.view.zoom-in">+</CommandButton>
      <CommandButton id="editor.view.fit" label="Fit to window">
        Fit
      </CommandButton>
      <CommandButton id="editor.view.actual" label="Actual pixels (100 %)">
        {/* A glyph, not words: drawn from an attribute so no text contradicts the name (WCAG 2.5.3). */}
        <span className="ed-glyph" aria-hidden="true" data-glyph="100%" />
      </CommandButton>
    </div>
  );
}
