// Bridge handlers of the `composer` domain: the composer's text and parameters, kept with the small settings so they
// come back after a restart.
import { repairComposerSettings, type ComposerSettings } from '../../shared/composer/composer-settings';
import type { KeyValueStore } from '../settings/key-value';

const KEY = 'composer';

export function composerHandlers(deps: { store: KeyValueStore }) {
  return {
    'composer:loadSettings': async (): Promise<ComposerSettings> => repairComposerSettings(deps.store.get(KEY)),
    'composer:saveSettings': async (settings: ComposerSettings): Promise<null> => {
      deps.store.set(KEY, settings);
      return null;
    },
  };
}
