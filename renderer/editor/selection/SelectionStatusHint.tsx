// Over the canvas: what the selection engine is doing (loading, selecting, with Esc to cancel) or what went wrong.
import { useEffect } from 'react';
import { runCommand } from '../../commands/registry';
import { setStatus, useSelectionUi } from './selection-store';
import './selection.css';

const MESSAGE_MS = 6000;

export function SelectionStatusHint() {
  const status = useSelectionUi((s) => s.status);

  // Messages fade after a while; progress stays until the work ends.
  useEffect(() => {
    if (status.kind !== 'message') return;
    const timer = setTimeout(() => {
      if (useSelectionUi.getState().status === status) setStatus({ kind: 'idle' });
    }, MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [status]);

  if (status.kind === 'idle') return <div className="sel-status" role="status" aria-label="Selection status" hidden />;
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
      className={`sel-status ${status.kind === 'message' && status.tone === 'error' ? 'sel-status--error' : ''}`}
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
