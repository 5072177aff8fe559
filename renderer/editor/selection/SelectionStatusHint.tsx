// Over the canvas: what the selection engine is doing (loading, selecting, with Esc to cancel) or what went wrong;
// and while a selection tool is chosen, what its gestures do (in the canvas's corner, out of the photo's way).
import { useEffect } from 'react';
import { runCommand } from '../../commands/registry';
import { useEditor } from '../store';
import { setStatus, useSelectionUi, type SelectionStatus } from './selection-store';

type Shown = Exclude<SelectionStatus, { kind: 'idle' }> | { kind: 'loading' };
import './selection.css';

const MESSAGE_MS = 6000;

const GESTURES: Partial<Record<string, string>> = {
  'select-object': 'Drag a box around an object · Click: part of it · Alt-click: not part · Shift adds · Alt subtracts',
  'magic-wand': 'Click a colour · Shift-click adds · Alt-click subtracts',
};

export function SelectionStatusHint() {
  const status = useSelectionUi((s) => s.status);
  const engine = useSelectionUi((s) => s.engine);
  const tool = useEditor((s) => s.tool);
  const gestures = GESTURES[tool];
  const shown: Shown | null =
    status.kind !== 'idle' ? status : tool === 'select-object' && engine === 'loading' ? { kind: 'loading' } : null;

  // Messages fade after a while; progress stays until the work ends.
  useEffect(() => {
    if (status.kind !== 'message') return;
    const timer = setTimeout(() => {
      if (useSelectionUi.getState().status === status) setStatus({ kind: 'idle' });
    }, MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [status]);

  return (
    <>
      {gestures && (
        <p className="sel-gestures" aria-label="Selection tool gestures">
          {gestures}
        </p>
      )}
      {shown ? <StatusPill status={shown} /> : <div className="sel-status" role="status" aria-label="Selection status" hidden />}
    </>
  );
}

function StatusPill({ status }: { status: Shown }) {
  const busy = status.kind === 'loading' || status.kind === 'working';
  const text =
    status.kind === 'loading'
      ? 'Loading object select…'
      : status.kind === 'working'
        ? status.what === 'object'
          ? 'Selecting the object…'
          : 'Selecting similar colour…'
        : status.text;
  return (
    <div
      className={`sel-status ${status.kind === 'message' && status.tone === 'error' ? 'sel-status--error' : ''} ${
        status.kind === 'loading' ? 'sel-status--after-a-moment' : ''
      }`}
      role="status"
      aria-label="Selection status"
      aria-busy={busy}
    >
      {busy && <span className="sel-status__spinner" aria-hidden="true" />}
      <span>{text}</span>
      {status.kind === 'working' && (
        <button type="button" className="sel-status__cancel" onClick={() => runCommand('editor.cancel')}>
          Cancel <kbd>Esc</kbd>
        </button>
      )}
      {status.kind === 'message' && (
        <button type="button" className="sel-status__cancel" aria-label="Dismiss" onClick={() => setStatus({ kind: 'idle' })}>
          ×
        </button>
      )}
    </div>
  );
}
