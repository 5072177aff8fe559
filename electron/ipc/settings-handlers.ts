// Bridge handlers of the `settings` domain: the person's preferences, where the library lives, and each profile's cap
// on tasks in flight.
import type { ProfilesState, SettingsState } from '../../shared/ipc/contract';
import type { PreferencesPatch } from '../../shared/settings/preferences';
import type { AppSettings } from '../settings/app-settings';
import type { CredentialVault } from '../settings/credential-vault';
import type { ProfileStore } from '../settings/profile-store';
import type { TaskEngine } from '../tasks/engine';
import type { ProviderRegistry } from '../tasks/providers';
import { profilesState } from './profile-handlers';
import { UserFacingError } from './user-facing-error';

export interface SettingsHandlerDeps {
  settings: AppSettings;
  profiles: ProfileStore;
  vault: CredentialVault;
  providers: ProviderRegistry;
  engine: TaskEngine;
  /** The library's folder now, and the default one in the data folder. */
  libraryRoot(): string;
  defaultLibraryRoot: string;
  /** Where the library was moved, when that folder was missing at start (the default one is used meanwhile). */
  missingLibrary?(): string | undefined;
  /** What was met there when it was more than "not there" (a drive's error). */
  missingProblem?(): string | undefined;
}

export function settingsState(deps: Pick<SettingsHandlerDeps, 'settings' | 'libraryRoot' | 'defaultLibraryRoot' | 'missingLibrary' | 'missingProblem'>): SettingsState {
  const path = deps.libraryRoot();
  const notice = deps.settings.pendingNotice();
  const missing = deps.missingLibrary?.();
  const problem = missing ? deps.missingProblem?.() : undefined;
  return {
    preferences: deps.settings.preferences(),
    library: { path, isDefault: path === deps.defaultLibraryRoot, ...(missing ? { missing } : {}), ...(problem ? { missingProblem: problem } : {}) },
    ...(notice ? { notice } : {}),
  };
}

export function settingsHandlers(deps: SettingsHandlerDeps) {
  const state = () => settingsState(deps);
  return {
    'settings:get': async (): Promise<SettingsState> => state(),
    'settings:update': async (patch: PreferencesPatch): Promise<SettingsState> => {
      deps.settings.update(patch);
      return state();
    },
    'settings:dismissNotice': async (): Promise<SettingsState> => {
      deps.settings.dismissNotice();
      return state();
    },
    'settings:setConcurrency': async ({ id, concurrency }: { id: string; concurrency: number }): Promise<ProfilesState> => {
      try {
        deps.profiles.setConcurrency(id, concurrency);
      } catch (error) {
        throw new UserFacingError('invalid-input', (error as Error).message, undefined, 'concurrency');
      }
      deps.providers.invalidate(id);
      deps.engine.capacityChanged();
      return profilesState(deps);
    },
  };
}
