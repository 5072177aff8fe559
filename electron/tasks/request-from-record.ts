// Rebuild the typed request of a generation from its folder, so that a submit after a restart sends exactly what
// was recorded before the first attempt.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GenerationRecord } from '../../shared/library/generation';
import type { GenerationRequest } from '../../shared/kling/request';

export async function requestFromRecord(folderPath: string, record: GenerationRecord): Promise<GenerationRequest> {
  const read = async (file: string) => new Uint8Array(await readFile(join(folderPath, file)));
  const { settings, inputs } = record;
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
    externalTaskId: record.externalTaskId,
  };
}
