// Bridge handlers of the `composer` domain: what Generate would send, before it is sent. The body comes from the
// same draft (generation-draft.ts) and the same builder (buildCreateBody with the profile's wire options) as the
// engine's, so the view cannot drift from what leaves the app. Nothing here reads or returns a secret.
import { randomUUID } from 'node:crypto';
import type { RequestPreview } from '../../shared/ipc/contract';
import { buildCreateBody } from '../../shared/kling/request';
import { foldImages } from '../../shared/kling/request-preview';
import { validateRequest } from '../../shared/kling/validate';
import type { ProfileStore } from '../settings/profile-store';
import type { ProviderRegistry } from '../tasks/providers';
import { draftOf, draftRequest, type ComposedGeneration } from './generation-draft';
import { requestTarget } from './request-target';
import { UserFacingError } from './user-facing-error';

export interface RequestHandlerDeps {
  providers: ProviderRegistry;
  profiles: ProfileStore;
}

export function requestHandlers(deps: RequestHandlerDeps) {
  return {
    'composer:previewRequest': async (request: ComposedGeneration & { expand?: string[] }): Promise<RequestPreview> => {
      const provider = request.profileId ? deps.providers.byId(request.profileId) : deps.providers.current();
      if (!provider) {
        throw new UserFacingError('no-credential', 'That profile has no credential yet. Add one in Settings, or pick another profile.', undefined, 'profileId');
      }
      // The library gives each generation its id when it is recorded; one of the same form stands in for it here.
      const typed = await draftRequest(draftOf(request), `ks-${randomUUID()}`);
      const problems = validateRequest(typed);
      let built: ReturnType<typeof foldImages> | undefined;
      try {
        built = foldImages(buildCreateBody(typed, provider.wire), request.expand);
      } catch {
        // Only a start frame whose size cannot be read stops the builder, and validation already says so.
      }
      return {
        method: 'POST',
        ...requestTarget(provider, deps.profiles.get(provider.id)),
        profile: { id: provider.id, label: provider.label, kind: provider.kind },
        ...(built ? { body: built.body } : {}),
        images: built?.images ?? [],
        problems,
      };
    },
  };
}
