// A composed generation as it arrives over the bridge → what the library keeps (settings, input files under their
// names) and the typed request the engine will build from them. Generate, "Show request" and "Copy as curl" all go
// through here, so what is shown is what is sent.
import type { z } from 'zod';
import type { createGenerationSchema } from '../../shared/ipc/contract';
import type { GenerationRequest } from '../../shared/kling/request';
import type { GenerationInputs, GenerationSettings } from '../../shared/library/generation';
import { inputFiles } from '../library/input-files';
import { requestFromParts } from '../tasks/request-from-record';

export type ComposedGeneration = z.output<typeof createGenerationSchema>;

export interface GenerationDraft {
  settings: GenerationSettings;
  files: { name: string; bytes: Uint8Array }[];
  inputs: GenerationInputs;
}

export function draftOf(request: ComposedGeneration): GenerationDraft {
  const { files, inputs } = inputFiles({
    startFrame: request.startFrame.bytes,
    ...(request.endFrame ? { endFrame: request.endFrame.bytes } : {}),
    ...(request.staticMask ? { staticMask: request.staticMask } : {}),
    ...(request.dynamicMasks ? { dynamicMasks: request.dynamicMasks } : {}),
  });
  const settings: GenerationSettings = {
    model: request.model,
    mode: request.mode,
    duration: request.duration,
    prompt: request.prompt,
    negativePrompt: request.negativePrompt,
    ...(request.cfgScale === undefined ? {} : { cfgScale: request.cfgScale }),
    // Camera, sound and voices go into validation and the record exactly as given.
    ...(request.camera ? { camera: request.camera } : {}),
    ...(request.sound ? { sound: request.sound } : {}),
    ...(request.voices?.length ? { voices: request.voices } : {}),
  };
  return { settings, files, inputs };
}

/** The typed request the engine will build from `draft` once the library gives it `externalTaskId`. */
export function draftRequest(draft: GenerationDraft, externalTaskId: string): Promise<GenerationRequest> {
  const byName = new Map(draft.files.map((f) => [f.name, f.bytes]));
  return requestFromParts({ ...draft, externalTaskId }, async (file) => {
    const bytes = byName.get(file);
    if (!bytes) throw new Error(`No input file ${file} in the draft`);
    return bytes;
  });
}
