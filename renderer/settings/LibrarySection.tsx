// Settings ▸ Library: where the generations are kept on disk.
import type { SettingsState } from '../../shared/ipc/contract';
import { Section } from './PreferencesSections';

export function LibrarySection({ library }: { library: SettingsState['library'] }) {
  return (
    <Section id="settings-library" title="Library">
      <p className="settings__intro">Every generation is a folder here: its inputs, the request as sent, the clip and its poster.</p>
      <p className="library-location">
        <span className="field__label" id="library-location-label">
          Location{library.isDefault ? ' (default)' : ''}
        </span>
        <code className="library-location__path" aria-labelledby="library-location-label">
          {library.path}
        </code>
      </p>
    </Section>
  );
}
