// Bridge handlers of the `composer` domain: the composer's text and parameters, kept with the small settings so they
// come back after a restart. The very first time (nothing kept yet) the composer starts as Settings ▸ New documents
// says.
import { repairComposerSettings, type ComposerSettings } from '../../shared/composer/composer-settings';
import type { Preferences } from '../../shared/settings/preferences';
import type { KeyValueStore } from '../settings/key-value';

const KEY = 'composer';

export function composerHandlers(deps: { store: KeyValueStore; newDocument(): Preferences['newDocument'] }) {
  return {
    'composer:loadSettings': async (): Promise<ComposerSettings> => {
      const stored = deps.store.get(KEY);
      return stored === undefined ? { ...repairComposerSettings(undefined), ...deps.newDocument() } : repairComposerSettings(stored);
    },
    'composer:saveSettings': async (settings: ComposerSettings): Promise<null> => {
      deps.store.set(KEY, settings);
      return null;
    },
  };
}
