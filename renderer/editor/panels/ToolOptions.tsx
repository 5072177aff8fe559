// The chosen tool's options, in one slot of the toolbar: the brush size for the brush and the eraser, the tolerance
// for the magic wand, nothing for the others. Every tool's options are laid out in the same grid cell, the chosen
// tool's shown and the others hidden and inert, so the slot is as wide as the widest of them whatever the tool: the
// toolbar keeps one row at the smallest window, and nothing beside the slot moves when the tool changes.
import { clampBrush, MAX_BRUSH, MIN_BRUSH, useEditor, usesBrushSize, type ToolId } from '../store';
import { SelectionOptions } from '../selection/SelectionOptions';

export function ToolOptions({ tool }: { tool: ToolId }) {
  return (
    <div className="ed-options" role="group" aria-label="Tool options">
      <BrushSize shown={usesBrushSize(tool)} />
      <SelectionOptions tool={tool} />
    </div>
  );
}

function BrushSize({ shown }: { shown: boolean }) {
  const brushSize = useEditor((s) => s.brushSize);
  return (
    <label className="ed-size" title="Brush size ([ and ])" inert={!shown}>
      <span className="ed-size__label">Size</span>
      <input
        type="range"
        min={MIN_BRUSH}
        max={MAX_BRUSH}
        value={brushSize}
        aria-label="Brush size in image pixels"
        aria-valuetext={`${brushSize} pixels`}
        onChange={(e) => useEditor.setState({ brushSize: clampBrush(Number(e.target.value)) })}
      />
      <output className="ed-size__value">{brushSize}px</output>
    </label>
  );
}
