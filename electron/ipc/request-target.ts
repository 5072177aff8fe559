// Where a profile's creates go and how they are signed, in words a person can check (the endpoint) and act on (the
// kind of credential), without the credential.
import type { AuthKind } from '../../shared/ipc/contract';
import { taskEndpoint } from '../../shared/kling/wire';
import type { Profile } from '../../shared/settings/profiles';
import type { ActiveProvider } from '../tasks/provider';

export function requestTarget(provider: ActiveProvider, profile: Profile | undefined): { endpoint: string; auth: AuthKind } {
  if (profile?.kind === 'gateway') return { endpoint: taskEndpoint(provider.baseUrl, profile.pathPrefix), auth: 'token' };
  // The sandbox (built in or external) takes an API key as the official API does.
  const auth: AuthKind = profile?.kind === 'official' ? profile.auth : 'api-key';
  return { endpoint: taskEndpoint(provider.baseUrl, ''), auth };
}
