// Said while it lasts: the folder the library was moved to was not there at start (an external drive unplugged, a
// network share not mounted), so the default library is in use for now. Settings ▸ Library opens it again or forgets it.
import { useState } from 'react';
import { useSettings } from '../store/settings';
import { useView } from '../store/view';

export function LibraryMissingNotice() {
  const library = useSettings((s) => s.state?.library);
  const [dismissed, setDismissed] = useState<string>();
  const missing = library?.missing;
  // Settings ▸ Library says the same, with what to do about it.
  const inSettings = useView((s) => s.view === 'settings');
  if (!missing || !library || dismissed === missing || inSettings) return null;
  const openSettings = () => {
    useView.getState().show('settings');
    requestAnimationFrame(() => document.getElementById('settings-library')?.scrollIntoView({ block: 'start' }));
  };
  return (
    <div className="notice app-notice" role="alert" aria-label="Library not found">
      <div className="notice__body">
        <strong className="notice__title">Your library is not there</strong>
        <p className="app-notice__text">
          <code>{missing}</code> cannot be {library.missingProblem ? `used (${library.missingProblem}; is its drive connected?)` : 'found (is its drive connected?)'}, so the default library{' '}
          (<code>{library.path}</code>) is used for now. Connect the drive, then choose Library settings… ▸ Try again.
        </p>
      </div>
      <button type="button" className="button button--small" onClick={openSettings}>
        Library settings…
      </button>
      <button type="button" className="button button--small button--ghost" onClick={() => setDismissed(missing)}>
        Dismiss
      </button>
    </div>
  );
}
