// The Settings view (Ctrl+, and File ▸ Settings…): a view of the window, not a dialog, because it is work one stays
// in: profiles, defaults for new documents, generations, notifications, theme and the library's location.
import { useEffect } from 'react';
import { useSettings } from '../store/settings';
import { useView } from '../store/view';
import { LibrarySection } from './LibrarySection';
import { PreferencesSections } from './PreferencesSections';
import { ProfilesSection } from './ProfilesSection';
import './settings.css';

export function closeSettings(): void {
  const { previous, show } = useView.getState();
  show(previous);
}

export function SettingsView() {
  const state = useSettings((s) => s.state);
  const error = useSettings((s) => s.error);
  useEffect(() => void useSettings.getState().load().catch(() => undefined), []);

  return (
    // Inside the window's one <main>, which takes the name Settings while this shows (App.tsx).
    <div
      className="settings-view"
      onKeyDown={(e) => {
        // Escape leaves Settings unless a field or an open form wants it (a select's list, a text being typed).
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement)) {
          closeSettings();
        }
      }}
    >
      <div className="settings-view__inner">
        <div className="settings__head">
          <h1 className="settings__title">Settings</h1>
          <button type="button" className="button button--small" aria-label="Done, close settings" onClick={closeSettings}>
            Done
          </button>
        </div>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <ProfilesSection />
        {state && <PreferencesSections preferences={state.preferences} />}
        {state && <LibrarySection library={state.library} />}
      </div>
    </div>
  );
}
