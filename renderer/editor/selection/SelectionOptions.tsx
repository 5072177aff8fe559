// The selection tools' options in the toolbar's options slot (ToolOptions.tsx): the magic wand's tolerance. Choosing
// the object select is its first use: its engine starts loading then, in the background (not at app start or when a
// photo opens: its 11 MB of WebAssembly would weigh on the renderer's memory for people who never use it).
import { useEffect } from 'react';
import { MAX_TOLERANCE } from '../../../shared/editor/select/magic-wand';
import type { ToolId } from '../store';
import { warmUpObjectSelect } from './engine';
import { useSelectionUi } from './selection-store';
import './selection.css';

export function SelectionOptions({ tool }: { tool: ToolId }) {
  const tolerance = useSelectionUi((s) => s.tolerance);
  const engine = useSelectionUi((s) => s.engine);
  const chosen = tool === 'select-object';

  // Loads when the tool is chosen, and again after a cancel ended the worker while the tool stays chosen.
  useEffect(() => {
    if (chosen && engine === 'cold') warmUpObjectSelect();
  }, [chosen, engine]);
  // A load that failed is tried again when the tool is chosen again.
  useEffect(() => {
    if (!chosen && useSelectionUi.getState().engine === 'failed') useSelectionUi.setState({ engine: 'cold' });
  }, [chosen]);

  // Always laid out (see ToolOptions): hidden and inert while another tool is chosen.
  return (
    <label className="ed-size sel-tolerance" title="Magic wand: how different a colour may be from the clicked one" inert={tool !== 'magic-wand'}>
      <span className="ed-size__label">Tolerance</span>
      <input
        type="range"
        min={0}
        max={MAX_TOLERANCE}
        value={tolerance}
        aria-label="Magic wand tolerance"
        aria-valuetext={`${tolerance} of ${MAX_TOLERANCE}`}
        onChange={(e) => useSelectionUi.setState({ tolerance: Number(e.target.value) })}
      />
      <output className="ed-size__value">{tolerance}</output>
    </label>
  );
}
