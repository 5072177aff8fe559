import { useEffect, useState } from 'react';
import { runCommand } from '../../commands/registry';
import { useFramesUi } from './frames-ui';

const SHOWN_MS = 8000;

/** "Start frame removed · Undo", for a few seconds; it waits while the pointer or focus is on it. */
export function UndoToast() {
  const removed = useFramesUi((s) => s.removed);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!removed || held) return;
    const timer = setTimeout(() => useFramesUi.getState().setRemoved(undefined), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [removed, held]);
  if (!removed) return null;
  return (
    <div
      className="frames-toast"
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="frames-toast__text">
        {removed.slot === 'start' ? 'Start' : 'End'} frame removed: “{removed.fileName}”
      </span>
      <button type="button" className="button button--small" onClick={() => runCommand('frame.undoRemove')}>
        Undo
      </button>
      <button type="button" className="icon-button" aria-label="Close" onClick={() => useFramesUi.getState().setRemoved(undefined)}>
        ×
      </button>
    </div>
  );
}
