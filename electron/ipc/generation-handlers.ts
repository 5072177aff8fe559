// Bridge handlers of the `generations` domain. Inputs are checked again here: the renderer's checks are for the
// person's convenience, these are the ones that protect credits and the library.
import { writeFileAtomic } from '../library/atomic-write';
import { join } from 'node:path';
import { readImageInfo } from '../../shared/kling/image-info';
import { hasErrors } from '../../shared/kling/problems';
import { validateRequest } from '../../shared/kling/validate';
import type { GenerationView } from '../../shared/library/generation';
import type { Library } from '../library/library';
import { toView, type MediaUrl } from '../library/media';
import { CancelRefused, type TaskEngine } from '../tasks/engine';
import type { ProviderRegistry } from '../tasks/providers';
import { providerRef } from '../tasks/provider';
import { UserFacingError } from './user-facing-error';
import { draftOf, draftRequest, type ComposedGeneration } from './generation-draft';

export interface GenerationHandlerDeps {
  library: Library;
  engine: TaskEngine;
  providers: ProviderRegistry;
  mediaUrl: MediaUrl;
}

const POSTER_MAX_BYTES = 5 * 1024 * 1024;

export function generationHandlers(deps: GenerationHandlerDeps) {
  const view = (record: Parameters<typeof toView>[0]): GenerationView => toView(record, deps.mediaUrl);

  return {
    'generations:create': async (request: ComposedGeneration): Promise<GenerationView> => {
      const provider = request.profileId ? deps.providers.byId(request.profileId) : deps.providers.current();
      if (!provider) {
        throw new UserFacingError('no-credential', 'That profile has no credential yet. Add one in Settings, or pick another profile.', undefined, 'profileId');
      }
      const draft = draftOf(request);
      const problems = validateRequest(await draftRequest(draft, 'not-yet-assigned'));
      if (hasErrors(problems)) {
        const errors = problems.filter((p) => p.severity === 'error');
        throw new UserFacingError('invalid-input', errors.map((p) => p.message).join(' '), problems, errors[0]?.field);
      }
      const record = await deps.library.create({ provider: providerRef(provider), ...draft, ...(request.group ? { group: request.group } : {}) });
      deps.engine.start(record.id);
      return view(record);
    },

    'generations:cancel': async ({ id }: { id: string }): Promise<GenerationView> => {
      try {
        return view(await deps.engine.cancel(id));
      } catch (error) {
        if (error instanceof CancelRefused) throw new UserFacingError('cannot-cancel', error.message);
        throw error;
      }
    },

    'generations:savePoster': async (request: { id: string; jpeg: Uint8Array }): Promise<GenerationView> => {
      const record = await deps.library.get(request.id);
      if (!record) throw new UserFacingError('not-found', 'That generation is no longer in the library.');
      if (record.status !== 'succeed') throw new UserFacingError('invalid-state', 'Only a finished generation has a poster.');
      if (readImageInfo(request.jpeg).format !== 'jpeg' || request.jpeg.byteLength > POSTER_MAX_BYTES) {
        throw new UserFacingError('invalid-input', 'A poster must be a JPEG of at most 5 MB.');
      }
      await writeFileAtomic(join(deps.library.folderPath(record), 'poster.jpg'), request.jpeg);
      const updated = await deps.library.update(record.id, (r) => {
        if (r.result) r.result.poster = 'poster.jpg';
      });
      return view(updated);
    },
  };
}
