// Bridge handlers of the player: one generation's details, its folder and clip handed to the desktop, and the ways
// to make it again (same inputs, or the clip downloaded again). Plain Node: the desktop comes in as a dependency.
import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GenerationDetails } from '../../shared/library/details';
import { resultUrlMayLive } from '../../shared/library/details';
import { RESULT_FILE } from '../../shared/library/apply-task';
import { REQUEST_FILE } from '../../shared/library/request-record';
import type { GenerationRecord, GenerationView } from '../../shared/library/generation';
import { hasErrors } from '../../shared/kling/problems';
import { validateRequest } from '../../shared/kling/validate';
import type { DesktopShell } from '../desktop/desktop-shell';
import type { Library } from '../library/library';
import { clipFrameRate } from '../library/clip-frame-rate';
import { toView, type MediaUrl } from '../library/media';
import type { TaskEngine } from '../tasks/engine';
import type { ProviderRegistry } from '../tasks/providers';
import { providerRef } from '../tasks/provider';
import { requestFromRecord } from '../tasks/request-from-record';
import { UserFacingError } from './user-facing-error';

export interface ReplayHandlerDeps {
  library: Library;
  engine: TaskEngine;
  providers: ProviderRegistry;
  mediaUrl: MediaUrl;
  desktop: DesktopShell;
  now(): Date;
}

/** request.json holds file names, not bytes: anything this large is not one. */
const REQUEST_MAX_BYTES = 2 * 1024 * 1024;

const exists = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

export function replayHandlers(deps: ReplayHandlerDeps) {
  const find = async (id: string): Promise<GenerationRecord> => {
    const record = await deps.library.get(id);
    if (!record) throw new UserFacingError('not-found', 'That generation is no longer in the library.');
    return record;
  };
  const view = (record: GenerationRecord): GenerationView => toView(record, deps.mediaUrl);

  async function readRequest(folder: string): Promise<Pick<GenerationDetails, 'requestBody' | 'requestProblem'>> {
    const path = join(folder, REQUEST_FILE);
    const info = await stat(path).catch(() => undefined);
    if (!info) return {};
    if (info.size > REQUEST_MAX_BYTES) return { requestProblem: `${REQUEST_FILE} is too large to be a request body` };
    try {
      return { requestBody: JSON.parse(await readFile(path, 'utf8')) as unknown };
    } catch (error) {
      return { requestProblem: `${REQUEST_FILE} cannot be read: ${(error as Error).message}` };
    }
  }

  return {
    'generations:details': async ({ id }: { id: string }): Promise<GenerationDetails> => {
      const record = await find(id);
      const folder = deps.library.folderPath(record);
      const mask = (file: string) => ({ file, url: deps.mediaUrl(record.folder, file) });
      const { staticMask, dynamicMasks } = record.inputs;
      const clip = join(folder, record.result?.file ?? RESULT_FILE);
      const clipOnDisk = record.status === 'succeed' && (await exists(clip));
      const fps = clipOnDisk ? await clipFrameRate(clip) : undefined;
      return {
        generation: view(record),
        ...(await readRequest(folder)),
        masks: {
          ...(staticMask ? { static: mask(staticMask) } : {}),
          dynamic: (dynamicMasks ?? []).map((d) => ({ ...mask(d.file), trajectory: d.trajectory })),
        },
        clipOnDisk,
        ...(fps ? { clipFrameRate: fps } : {}),
      };
    },

    'generations:reveal': async ({ id }: { id: string }): Promise<null> => {
      const record = await find(id);
      const folder = deps.library.folderPath(record);
      const clip = join(folder, record.result?.file ?? RESULT_FILE);
      // The clip selected in its folder when there is one; the folder itself otherwise.
      deps.desktop.reveal(record.status === 'succeed' && (await exists(clip)) ? clip : folder);
      return null;
    },

    'generations:saveVideo': async ({ id }: { id: string }): Promise<string | null> => {
      const record = await find(id);
      const clip = join(deps.library.folderPath(record), record.result?.file ?? RESULT_FILE);
      if (record.status !== 'succeed' || !(await exists(clip))) {
        throw new UserFacingError('no-clip', 'This generation has no clip on disk to save.');
      }
      const words = record.settings.prompt.trim().split(/\s+/).slice(0, 6).join(' ');
      const name = `${words.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'kling'} ${record.id}.mp4`;
      const target = await deps.desktop.chooseSavePath(name, [{ name: 'MP4 video', extensions: ['mp4'] }]);
      if (!target) return null;
      await copyFile(clip, target);
      return target;
    },

    'generations:again': async ({ id }: { id: string }): Promise<GenerationView> => {
      const record = await find(id);
      const folder = deps.library.folderPath(record);
      if (!record.inputs.start) {
        throw new UserFacingError('no-inputs', 'Kling does not return the inputs of an imported task, so it cannot be made again from here.');
      }
      const request = await requestFromRecord(folder, record).catch((error: Error) => {
        throw new UserFacingError('no-inputs', `The inputs of this generation cannot be read: ${error.message}`);
      });
      // The rules may have changed since (a retired model, a new limit): checked again, as a new submit would be.
      const problems = validateRequest(request);
      if (hasErrors(problems)) {
        const errors = problems.filter((p) => p.severity === 'error');
        throw new UserFacingError('invalid-input', errors.map((p) => p.message).join(' '), problems, errors[0]?.field);
      }
      const provider = deps.providers.byId(record.provider.id) ?? deps.providers.current();
      const { inputs } = record;
      const names = [inputs.start, inputs.end, inputs.staticMask, ...(inputs.dynamicMasks ?? []).map((d) => d.file)].filter(
        (n): n is string => n !== undefined,
      );
      const files = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(folder, name))) })));
      const created = await deps.library.create({
        provider: providerRef(provider),
        settings: structuredClone(record.settings),
        files,
        inputs: structuredClone(inputs),
      });
      deps.engine.start(created.id);
      return view(created);
    },

    'generations:redownload': async ({ id }: { id: string }): Promise<GenerationView> => {
      const record = await find(id);
      const folder = deps.library.folderPath(record);
      if (record.status !== 'succeed' || !record.taskId) {
        throw new UserFacingError('invalid-state', 'Only a finished generation’s clip can be downloaded again.');
      }
      if (await exists(join(folder, record.result?.file ?? RESULT_FILE))) {
        throw new UserFacingError('invalid-state', 'The clip is already in the library.');
      }
      if (!resultUrlMayLive(record, deps.now().getTime())) {
        throw new UserFacingError('expired', 'Kling deletes clips 30 days after making them; this one can no longer be downloaded.');
      }
      // Back to `downloading`: the engine's own download (resumable, fresh URL on expiry, progress on the card).
      const updated = await deps.library.update(id, (r) => {
        r.status = 'downloading';
        delete r.error;
        delete r.download;
      });
      deps.engine.start(id);
      return view(updated);
    },
  };
}
