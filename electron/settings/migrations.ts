// Settings written by older versions of the app are brought up to date once, when the app opens them, in order
// (0 → 1 → …), so every later version reads every earlier file. Both stores (electron-store in the app, the JSON
// file of the test host and the command line) go through here: electron-store's own `migrations` key on the app's
// semver and run only inside Electron, so they cannot serve the test host.
import { DEFAULT_CONCURRENCY } from '../../shared/settings/profiles';
import { DEFAULT_PREFERENCES } from '../../shared/settings/preferences';
import type { KeyValueStore } from './key-value';

export const SETTINGS_VERSION_KEY = 'settingsVersion';
export const SETTINGS_VERSION = 1;

type Migration = (store: KeyValueStore) => void;

/** MIGRATIONS[n] takes a store from version n to n + 1. */
const MIGRATIONS: Migration[] = [
  // 0 → 1: files from before Settings was a view held only profiles, credentials, the selection and the window. The
  // preferences start from their defaults, written out so a later change of a default does not change a person's
  // choice behind their back; a profile saved without its cap on tasks in flight (hand-edited) gets the default one.
  (store) => {
    if (store.get('preferences') === undefined) store.set('preferences', DEFAULT_PREFERENCES);
    const profiles = store.get<unknown[]>('profiles');
    if (Array.isArray(profiles)) {
      store.set(
        'profiles',
        profiles.map((p) =>
          p && typeof p === 'object' && typeof (p as { concurrency?: unknown }).concurrency !== 'number'
            ? { ...p, concurrency: DEFAULT_CONCURRENCY }
            : p,
        ),
      );
    }
  },
];

export interface MigrationOutcome {
  from: number;
  to: number;
}

/**
 * Run the migrations the store needs. A file from a newer app (a version above ours) is left as it is: this app reads
 * what it understands of it and repairs field by field on read, rather than rewriting what it does not know.
 */
export function migrateSettings(store: KeyValueStore): MigrationOutcome {
  const stored = store.get<unknown>(SETTINGS_VERSION_KEY);
  const from = typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0;
  if (from >= SETTINGS_VERSION) return { from, to: from };
  for (let version = from; version < SETTINGS_VERSION; version += 1) MIGRATIONS[version]?.(store);
  store.set(SETTINGS_VERSION_KEY, SETTINGS_VERSION);
  return { from, to: SETTINGS_VERSION };
}
