// Turns configured profiles and their credentials into ready providers. The Sandbox is always there; it is the one
// used while no other profile has a credential, or when the person picks it.
import { OFFICIAL_WIRE } from '../../shared/kling/request';
import { credentialKindOf, resolveBaseUrl, SANDBOX_PROFILE_ID, type Profile, type ProfileView } from '../../shared/settings/profiles';
import { signedAuth } from '../kling/auth';
import { createKlingClient } from '../kling/client';
import type { CredentialVault } from '../settings/credential-vault';
import type { ProfileStore } from '../settings/profile-store';
import { POLL_SCHEDULE, RETRY_SCHEDULE, type Schedule } from './backoff';
import type { ActiveProvider } from './provider';

export interface ProviderRegistryDeps {
  profiles: ProfileStore;
  vault: CredentialVault;
  sandbox: ActiveProvider;
  fetch: typeof fetch;
  now?: () => number;
  /** How often running tasks are checked on Kling, read at every wait (Settings can change it at any time). */
  pollSchedule?: () => Schedule;
}

export interface ProviderRegistry {
  /** Every profile that can be used now (has a credential), the sandbox first. */
  usable(): ActiveProvider[];
  byId(id: string): ActiveProvider | undefined;
  /** The profile new generations go to unless the person picks another. */
  current(): ActiveProvider;
  views(): ProfileView[];
  /** Forget a built provider after its profile or credential changed. */
  invalidate(id: string): void;
}

export function createProviderRegistry(deps: ProviderRegistryDeps): ProviderRegistry {
  // Built once per profile so a JWT is cached across requests and the concurrency slots stay the same object.
  const built = new Map<string, ActiveProvider>();

  const build = (profile: Profile): ActiveProvider | undefined => {
    const cached = built.get(profile.id);
    if (cached) return cached;
    if (profile.id === SANDBOX_PROFILE_ID) {
      // The built-in (or test) sandbox, with the cap the person set for it.
      const sandbox = { ...deps.sandbox, concurrency: profile.concurrency };
      built.set(profile.id, sandbox);
      return sandbox;
    }
    // What the vault knows without decrypting: the key is read only when a request is signed (signedAuth).
    const info = deps.vault.info(profile.id);
    if (!info || info.kind !== credentialKindOf(profile)) return undefined;
    const baseUrl = resolveBaseUrl(profile, deps.sandbox.baseUrl);
    const provider: ActiveProvider = {
      id: profile.id,
      kind: profile.kind,
      label: profile.label,
      baseUrl,
      account: info.account,
      client: createKlingClient({
        baseUrl,
        pathPrefix: profile.kind === 'gateway' ? profile.pathPrefix : '',
        auth: signedAuth(() => deps.vault.read(profile.id), deps.now),
        fetch: deps.fetch,
      }),
      wire:
        profile.kind === 'gateway'
          ? { modelField: profile.modelField, sendAspectRatio: profile.sendAspectRatio }
          : OFFICIAL_WIRE,
      concurrency: profile.concurrency,
      get poll() {
        return deps.pollSchedule?.() ?? POLL_SCHEDULE;
      },
      retry: RETRY_SCHEDULE,
    };
    built.set(profile.id, provider);
    return provider;
  };

  const usable = () => deps.profiles.list().flatMap((p) => build(p) ?? []);

  return {
    usable,
    byId: (id) => {
      const profile = deps.profiles.get(id);
      return profile ? build(profile) : undefined;
    },
    current() {
      const picked = deps.profiles.selectedId();
      const all = usable();
      const chosen = picked ? all.find((p) => p.id === picked) : undefined;
      return chosen ?? all.find((p) => p.kind !== 'sandbox') ?? all[0] ?? deps.sandbox;
    },
    views: () =>
      deps.profiles.list().map((p) => {
        const info = p.id === SANDBOX_PROFILE_ID ? undefined : deps.vault.info(p.id);
        return {
          ...p,
          hasCredential: p.id === SANDBOX_PROFILE_ID || info !== undefined,
          baseUrlResolved: resolveBaseUrl(p, deps.sandbox.baseUrl),
          ...(info?.hint ? { credentialHint: info.hint } : {}),
          ...(info ? { credentialKept: info.kept } : {}),
        };
      }),
    invalidate: (id) => void built.delete(id),
  };
}
