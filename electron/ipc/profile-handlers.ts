// Bridge handlers of the `profiles` domain: configure ways to reach Kling. Secrets come in, and only
// `hasCredential` goes back out.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ConnectionReport, credentialSchema, ImportReport, profileInputSchema, ProfilesState } from '../../shared/ipc/contract';
import { credentialKindOf, type KeyKeeping, type Profile } from '../../shared/settings/profiles';
import { KlingApiError } from '../kling/errors';
import type { Library } from '../library/library';
import type { CredentialVault } from '../settings/credential-vault';
import type { ProfileStore } from '../settings/profile-store';
import type { TaskEngine } from '../tasks/engine';
import { importTasks } from '../tasks/import-tasks';
import type { ProviderRegistry } from '../tasks/providers';
import { UserFacingError } from './user-facing-error';

export interface ProfileHandlerDeps {
  profiles: ProfileStore;
  vault: CredentialVault;
  providers: ProviderRegistry;
  library: Library;
  engine: TaskEngine;
}

type ProfileInput = z.output<typeof profileInputSchema>;

function toProfile(input: ProfileInput, id: string): Profile {
  if (input.kind === 'official') {
    if (input.region === 'custom' && !input.baseUrl) {
      throw new UserFacingError('invalid-input', 'A custom region needs a base URL.', undefined, 'profile.baseUrl');
    }
    return {
      id,
      kind: 'official',
      label: input.label,
      region: input.region,
      ...(input.region === 'custom' && input.baseUrl ? { baseUrl: input.baseUrl.replace(/\/+$/, '') } : {}),
      auth: input.auth,
      concurrency: input.concurrency,
    };
  }
  return { ...input, id, baseUrl: input.baseUrl.replace(/\/+$/, '') };
}

/** Say in plain words why a connection failed, using the error table. */
function describeFailure(error: unknown): Pick<ConnectionReport, 'message' | 'code'> {
  if (error instanceof KlingApiError) {
    return { code: error.code, message: `${error.row?.userMessage ?? `Kling answered with code ${error.code}.`} (${error.serverMessage})` };
  }
  return { message: (error as Error).message };
}

/** What the renderer may know of the profiles: no secret, only whether each has a credential. */
export const profilesState = (deps: Pick<ProfileHandlerDeps, 'providers' | 'vault'>): ProfilesState => ({
  profiles: deps.providers.views(),
  currentId: deps.providers.current().id,
  secureStorage: deps.vault.secure,
  keyProtection: deps.vault.protection,
});

export function profileHandlers(deps: ProfileHandlerDeps) {
  const state = () => profilesState(deps);

  /**
   * Imports running now, per profile. A second request while one runs (a double click) gets the first one's promise
   * and so the same report: two imports at once would both see the tasks as new and import each of them twice.
   */
  const importsRunning = new Map<string, Promise<ImportReport>>();

  const usable = (id: string) => {
    const provider = deps.providers.byId(id);
    if (!provider) throw new UserFacingError('no-credential', 'This profile has no credential yet. Add one in Settings.');
    return provider;
  };

  return {
    'profiles:list': async (): Promise<ProfilesState> => state(),

    'profiles:save': async (request: {
      profile: ProfileInput;
      credential?: z.output<typeof credentialSchema>;
      keep?: KeyKeeping;
    }): Promise<ProfilesState> => {
      const id = request.profile.id ?? `p-${randomBytes(4).toString('hex')}`;
      if (request.profile.id && !deps.profiles.get(request.profile.id)) {
        throw new UserFacingError('not-found', 'That profile no longer exists.');
      }
      const profile = toProfile(request.profile, id);
      if (request.credential && request.credential.kind !== credentialKindOf(profile)) {
        throw new UserFacingError('invalid-input', 'This kind of credential does not fit the profile.', undefined, 'credential');
      }
      // Without any way to store a key, it can only be kept for the session; the window offers nothing else then.
      const keep = request.keep ?? (deps.vault.protection === 'unavailable' ? 'session' : 'stored');
      if (request.credential && keep === 'stored' && deps.vault.protection === 'unavailable') {
        throw new UserFacingError('invalid-input', 'This computer cannot store a key; keep it for this session only.', undefined, 'keep');
      }
      deps.profiles.save(profile);
      // A changed kind of credential makes the stored one useless: drop it rather than send the wrong header.
      const stored = deps.vault.info(id);
      if (request.credential) deps.vault.set(id, request.credential, keep);
      else if (stored && stored.kind !== credentialKindOf(profile)) deps.vault.delete(id);
      deps.providers.invalidate(id);
      // Generations that were waiting for this profile (or one like it) can go on now.
      void deps.engine.resume();
      return state();
    },

    'profiles:remove': async ({ id }: { id: string }): Promise<ProfilesState> => {
      if (!deps.profiles.get(id)) throw new UserFacingError('not-found', 'That profile no longer exists.');
      try {
        deps.profiles.delete(id);
      } catch (error) {
        throw new UserFacingError('invalid-input', (error as Error).message);
      }
      deps.vault.delete(id);
      deps.providers.invalidate(id);
      return state();
    },

    'profiles:select': async ({ id }: { id: string }): Promise<ProfilesState> => {
      usable(id);
      deps.profiles.select(id);
      return state();
    },

    'profiles:testConnection': async ({ id }: { id: string }): Promise<ConnectionReport> => {
      const provider = usable(id);
      const started = Date.now();
      try {
        // The cheapest authenticated call: one task from the list, which costs no credits.
        await provider.client.listTasks(1, 1);
        return { ok: true, message: `Connected to ${provider.label} at ${provider.baseUrl}.`, latencyMs: Date.now() - started };
      } catch (error) {
        return { ok: false, ...describeFailure(error), latencyMs: Date.now() - started };
      }
    },

    'profiles:importTasks': ({ id }: { id: string }): Promise<ImportReport> => {
      const running = importsRunning.get(id);
      if (running) return running;
      const run = (async () => {
        try {
          const { seen, imported, alreadyInLibrary } = await importTasks(usable(id), deps.library, deps.engine);
          return { seen, imported, alreadyInLibrary };
        } catch (error) {
          if (error instanceof UserFacingError) throw error;
          throw new UserFacingError('import-failed', `Import stopped: ${describeFailure(error).message}`);
        }
      })().finally(() => importsRunning.delete(id));
      importsRunning.set(id, run);
      return run;
    },
  };
}
