// Bridge handlers for "Show request" and "Copy as curl" (composer domain): what Generate would send, before it is
// sent. The body comes from the same draft (generation-draft.ts) and the same builder (buildCreateBody with the
// profile's wire options) as the engine's, so neither can drift from what leaves the app. Nothing here reads or
// returns a secret: the profile's kind of credential is all they need.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { CurlCommand, RequestPreview } from '../../shared/ipc/contract';
import { curlCommand } from '../../shared/kling/curl';
import { buildCreateBody } from '../../shared/kling/request';
import { foldImages, imagePaths } from '../../shared/kling/request-preview';
import { validateRequest } from '../../shared/kling/validate';
import { recordedBody } from '../../shared/library/request-record';
import type { DesktopShell } from '../desktop/desktop-shell';
import type { ProfileStore } from '../settings/profile-store';
import type { ActiveProvider } from '../tasks/provider';
import type { ProviderRegistry } from '../tasks/providers';
import { draftOf, draftRequest, type ComposedGeneration } from './generation-draft';
import { requestTarget } from './request-target';
import { UserFacingError } from './user-facing-error';

export interface RequestHandlerDeps {
  providers: ProviderRegistry;
  profiles: ProfileStore;
  desktop: DesktopShell;
}

export function requestHandlers(deps: RequestHandlerDeps) {
  const providerFor = (profileId: string | undefined): ActiveProvider => {
    const provider = profileId ? deps.providers.byId(profileId) : deps.providers.current();
    if (!provider) {
      throw new UserFacingError('no-credential', 'That profile has no credential yet. Add one in Settings, or pick another profile.', undefined, 'profileId');
    }
    return provider;
  };

  /** The draft, the typed request and the body as the engine will build them (with a stand-in external id). */
  const build = async (request: ComposedGeneration) => {
    const provider = providerFor(request.profileId);
    const draft = draftOf(request);
    // The library gives each generation its id when it is recorded; one of the same form stands in for it here.
    const typed = await draftRequest(draft, `ks-${randomUUID()}`);
    let body;
    try {
      body = buildCreateBody(typed, provider.wire);
    } catch {
      // Only a start frame whose size cannot be read stops the builder, and validation says so.
    }
    return { provider, draft, typed, body, target: requestTarget(provider, deps.profiles.get(provider.id)) };
  };

  return {
    'composer:previewRequest': async (request: ComposedGeneration & { expand?: string[] }): Promise<RequestPreview> => {
      const { provider, typed, body, target } = await build(request);
      const folded = body ? foldImages(body, request.expand) : undefined;
      return {
        method: 'POST',
        ...target,
        profile: { id: provider.id, label: provider.label, kind: provider.kind },
        ...(folded ? { body: folded.body } : {}),
        images: folded?.images ?? [],
        problems: validateRequest(typed),
      };
    },

    'composer:copyAsCurl': async (request: ComposedGeneration & { images: 'inline' | 'files' }): Promise<CurlCommand> => {
      const { provider, draft, body, target } = await build(request);
      if (!body) throw new UserFacingError('invalid-input', 'The request cannot be built yet: see Show request for what to fix.');
      const auth = provider.kind === 'sandbox' ? 'sandbox' : target.auth;
      if (request.images === 'inline') return { command: curlCommand(body, { endpoint: target.endpoint, auth }) };

      const script = await deps.desktop.chooseSavePath('kling-request.sh', [{ name: 'Shell script', extensions: ['sh'] }]);
      if (!script) return { cancelled: true };
      // The images beside the script, named after it, so several saved requests in one folder do not overwrite each other.
      const dir = dirname(script);
      const stem = basename(script, extname(script));
      const byName = new Map(draft.files.map((f) => [f.name, f.bytes]));
      const files: Record<string, string> = {};
      for (const { path, value: name } of imagePaths(recordedBody(body, draft.inputs))) {
        const bytes = byName.get(name);
        if (!bytes) continue;
        const file = join(dir, `${stem}-${name}`);
        await writeFile(file, bytes);
        files[path] = file;
      }
      const command = curlCommand(body, { endpoint: target.endpoint, auth, files });
      await writeFile(script, command, { mode: 0o755 });
      return { command, savedTo: script, files: Object.values(files) };
    },
  };
}
