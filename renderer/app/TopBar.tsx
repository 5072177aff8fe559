import { useEffect } from 'react';
import { registerCommands, shortcutLabel } from '../commands/registry';
import { useProfiles } from '../store/profiles';
import { useProvider } from '../store/provider';
import { useView } from '../store/view';
import { ViewTabs } from './ViewTabs';

export function TopBar() {
  const status = useProvider((s) => s.status);
  const openSettings = useProfiles((s) => s.openSettings);
  useEffect(
    () =>
      registerCommands([
        { id: 'settings.open', label: 'Settings…', shortcut: 'Mod+,', menu: 'file', enabled: () => true, run: () => useView.getState().show('settings') },
      ]),
    [],
  );
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true" />
        <span className="brand__name">Kling Studio</span>
      </div>
      <ViewTabs />
      {status && (
        <button
          type="button"
          className={`provider provider-button ${status.simulated ? 'provider--sandbox' : ''}`}
          title={`Profiles and keys (${shortcutLabel('Mod+,')})`}
          onClick={() => openSettings(true)}
        >
          {/* The name is the visible text with the words a screen reader needs around it (WCAG 2.5.3: label in name). */}
          <span className="sr-only">Provider: </span>
          <span className="provider__dot" aria-hidden="true" />
          <span className="provider__label">{status.simulated ? 'Sandbox' : status.label}</span>
          <span className="sr-only">. </span>
          <span className="provider__hint">{status.hint}</span>
          <span className="sr-only"> Open settings</span>
          <span className="provider__gear" aria-hidden="true">
            ⚙
          </span>
        </button>
      )}
    </header>
  );
}
