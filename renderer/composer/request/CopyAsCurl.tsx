// "Copy as curl": the same body as a shell command for the clipboard, the credential left to $KLING_API_KEY. Images
// go inline (one self-contained command) or into files beside a saved script, as the person chooses. The clipboard
// is written with navigator.clipboard (the app's page is granted clipboard-sanitized-write, electron/platform/
// security.ts); where that fails, the command is shown to copy by hand.
import { useState } from 'react';
import { studio } from '../../api';
import { composedRequest } from '../generate';

type Placement = 'inline' | 'files';

export function CopyAsCurl() {
  const [images, setImages] = useState<Placement>('inline');
  const [status, setStatus] = useState<string>();
  const [manual, setManual] = useState<string>();
  const [busy, setBusy] = useState(false);

  const copy = async () => {
    const request = composedRequest();
    if (!request) return;
    setBusy(true);
    setStatus(undefined);
    setManual(undefined);
    try {
      const result = await studio.composer.copyAsCurl({ ...request, images });
      if (!result.ok) return setStatus(result.error.message);
      if ('cancelled' in result.value) return setStatus('Not copied: no place was chosen for the images.');
      const { command, savedTo } = result.value;
      try {
        await navigator.clipboard.writeText(command);
        setStatus(savedTo ? `Copied; the script and its images are saved in ${savedTo.replace(/[/\\][^/\\]*$/, '')}.` : 'Copied. Set KLING_API_KEY before running it.');
      } catch {
        setManual(command);
        setStatus('The clipboard refused it; copy the command below.');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="curl">
      <fieldset className="curl__images">
        <legend>Images in the command</legend>
        <label>
          <input type="radio" name="curl-images" checked={images === 'inline'} onChange={() => setImages('inline')} /> Inline
        </label>
        <label>
          <input type="radio" name="curl-images" checked={images === 'files'} onChange={() => setImages('files')} /> As files next to it
        </label>
      </fieldset>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void copy()}>
        Copy as curl
      </button>
      {status && (
        <span className="curl__status" role="status">
          {status}
        </span>
      )}
      {manual !== undefined && <textarea className="curl__manual" aria-label="curl command" readOnly value={manual} rows={4} />}
    </div>
  );
}
