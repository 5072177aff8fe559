// The selection tools' options in the toolbar: the magic wand's tolerance. Choosing the object select is its first
// use: its engine starts loading then, in the background.
import { useEffect } from 'react';
import { MAX_TOLERANCE } from '../../../shared/editor/select/magic-wand';
import type { ToolId } from '../store';
import { selectionEngine } from './engine';
import { SelectionCancelled } from './selection-engine';
import { setStatus, tellUser, useSelectionUi } from './selection-store';
import './selection.css';

export function SelectionOptions({ tool }: { tool: ToolId }) {
  const tolerance = useSelectionUi((s) => s.tolerance);

  useEffect(() => {
    if (tool !== 'select-object') return;
    let live = true;
    const engine = selectionEngine();
    const loading = setTimeout(() => {
      if (live && useSelectionUi.getState().status.kind === 'idle') setStatus({ kind: 'loading' });
    }, 200);
    engine
      .warmUp()
      .then(() => {
        if (live && useSelectionUi.getState().status.kind === 'loading') setStatus({ kind: 'idle' });
      })
      .catch((error: unknown) => {
        if (live && !(error instanceof SelectionCancelled)) tellUser(error instanceof Error ? error.message : String(error), 'error');
      })
      .finally(() => clearTimeout(loading));
    return () => {
      live = false;
      clearTimeout(loading);
    };
  }, [tool]);

  if (tool === 'magic-wand') {
    return (
      <label className="ed-size sel-tolerance" title="Magic wand: how different a colour may be from the clicked one">
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
  return null;
}
