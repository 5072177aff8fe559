// Rebuild the typed request of a generation from its folder, so that a submit after a restart sends exactly what
// was recorded before the first attempt. The composer's "Show request" goes through the same function with the files
// still in memory, so what it shows is what the engine will build.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GenerationInputs, GenerationRecord, GenerationSettings } from '../../shared/library/generation';
import type { GenerationRequest } from '../../shared/kling/request';

export interface RequestParts {
  settings: GenerationSettings;
  inputs: GenerationInputs;
  externalTaskId: string;
}

export async function requestFromRecord(folderPath: string, record: GenerationRecord): Promise<GenerationRequest> {
  return requestFromParts(record, async (file) => new Uint8Array(await readFile(join(folderPath, file))));
}

/** The request from settings and input files, wherever the files are (`read` returns one by its name). */
export async function requestFromParts(parts: RequestParts, read: (file: string) => Promise<Uint8Array>): Promise<GenerationRequest> {
  const { settings, inputs } = parts;
  if (!inputs.start) throw new Error('This generation has no start frame on disk, so it cannot be sent again.');
  return {
    startFrame: await read(inputs.start),
    ...(inputs.end ? { endFrame: await read(inputs.end) } : {}),
    ...(inputs.staticMask ? { staticMask: await read(inputs.staticMask) } : {}),
    ...(inputs.dynamicMasks?.length
      ? {
          dynamicMasks: await Promise.all(
            inputs.dynamicMasks.map(async (m) => ({ mask: await read(m.file), trajectory: m.trajectory })),
          ),
        }
      : {}),
    prompt: settings.prompt,
    negativePrompt: settings.negativePrompt,
    model: settings.model,
    mode: settings.mode,
    duration: settings.duration,
    ...(settings.cfgScale === undefined ? {} : { cfgScale: settings.cfgScale }),
    ...(settings.camera ? { camera: settings.camera } : {}),
    ...(settings.voices?.length ? { voices: settings.voices } : {}),
    ...(settings.sound ? { sound: settings.sound } : {}),
    externalTaskId: parts.externalTaskId,
  };
}
