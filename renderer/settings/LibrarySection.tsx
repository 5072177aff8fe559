// Settings ▸ Library: where the generations are kept on disk, and moving them elsewhere. Main asks for the folder with
// its own dialog, then copies, verifies, switches and removes the old copy, telling its progress as it goes.
import { useEffect, useState } from 'react';
import type { LibraryMoveProgress, SettingsState } from '../../shared/ipc/contract';
import { studio } from '../api';
import { useSettings } from '../store/settings';
import { Section } from './PreferencesSections';

const size = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`);

/** The progress in words, and as a fraction of its phase. */
export function moveProgressText(p: LibraryMoveProgress | undefined): { text: string; fraction?: number } {
  if (!p) return { text: 'Choose the new folder…' };
  const of = (done: number, total: number) => (total > 0 ? done / total : 1);
  if (p.phase === 'copying') {
    return { text: `Copying: ${p.files} of ${p.totalFiles} files, ${size(p.bytes)} of ${size(p.totalBytes)}`, fraction: of(p.bytes, p.totalBytes) };
  }
  if (p.phase === 'verifying') return { text: `Checking every copy: ${p.files} of ${p.totalFiles} files`, fraction: of(p.bytes, p.totalBytes) };
  return { text: `In use at the new place. Removing the old copy: ${p.files} of ${p.totalFiles} files`, fraction: of(p.files, p.totalFiles) };
}

type Outcome = { ok: boolean; text: string };

export function LibrarySection({ library }: { library: SettingsState['library'] }) {
  const [moving, setMoving] = useState(false);
  const [progress, setProgress] = useState<LibraryMoveProgress>();
  const [outcome, setOutcome] = useState<Outcome>();
  useEffect(() => studio.on('library.moveProgress', setProgress), []);

  const move = async () => {
    setMoving(true);
    setProgress(undefined);
    setOutcome(undefined);
    setReopenError(undefined);
    const result = await studio.settings.moveLibrary({});
    setMoving(false);
    if (!result.ok) {
      setOutcome({ ok: false, text: `The library was not moved. ${result.error.message}` });
    } else if (result.value.moved) {
      useSettings.getState().set(result.value.settings);
      setOutcome({ ok: true, text: result.value.note ?? `Moved: every file was copied and checked, and the old copy removed.` });
    }
  };
  const shown = moveProgressText(progress);
  const [reopening, setReopening] = useState(false);
  /** What Try again (or Use the default) answered, said in the missing library's box while it shows. */
  const [reopenError, setReopenError] = useState<string>();
  const answer = async (call: () => Promise<{ ok: true; value: SettingsState } | { ok: false; error: { message: string } }>, done: string) => {
    setReopening(true);
    setOutcome(undefined);
    setReopenError(undefined);
    const result = await call();
    setReopening(false);
    if (!result.ok) {
      setReopenError(result.error.message);
      return;
    }
    useSettings.getState().set(result.value);
    setOutcome({ ok: true, text: done });
  };

  return (
    <Section id="settings-library" title="Library">
      <p className="settings__intro">Every generation is a folder here: its inputs, the request as sent, the clip and its poster.</p>
      <div className="library-location">
        <span className="field__label" id="library-location-label">
          Location{library.isDefault ? ' (default)' : ''}
        </span>
        <code className="library-location__path" aria-labelledby="library-location-label">
          {library.path}
        </code>
      </div>
      {library.missing && (
        <div className="library-missing">
          <p className="library-missing__text">
            Your library at <code>{library.missing}</code> was {library.missingProblem ? `not usable (${library.missingProblem}; is its drive connected?)` : 'not found (is its drive connected?)'}{' '}
            when Kling Studio started. The default library above is used for now; the place is kept for the next start.
          </p>
          <div className="library-missing__actions">
            <button type="button" className="button button--small" disabled={reopening || moving} onClick={() => void answer(() => studio.settings.reopenLibrary({}), `Opened: your library at ${library.missing} is in use again.`)}>
              Try again
            </button>
            <button type="button" className="button button--small button--ghost" disabled={reopening || moving} onClick={() => void answer(() => studio.settings.useDefaultLibrary({}), 'The default library is kept from now on.')}>
              Use the default library from now on
            </button>
          </div>
          {reopenError && (
            <p className="field__error" role="alert">
              {reopenError}
            </p>
          )}
        </div>
      )}
      <div className="library-move">
        <button type="button" className="button button--small" onClick={() => void move()} disabled={moving || reopening}>
          Move the library…
        </button>
        <span className="settings-check__hint">
          {library.missing
            ? 'Not while your library is missing: Try again once its drive is connected, or use the default library from now on.'
            : 'Copied to an empty folder (or one holding another library), checked file by file, and only then removed from here.'}
        </span>
      </div>
      {moving && (
        <div className="library-move__progress">
          <progress aria-label="Moving the library" max={1} {...(shown.fraction !== undefined ? { value: shown.fraction } : {})} />
          <p className="library-move__text" role="status">
            {shown.text}
          </p>
        </div>
      )}
      {outcome && (
        <p className={outcome.ok ? 'library-move__done' : 'field__error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </Section>
  );
}
