// A generation's recorded parameters as the composer holds them (shared/composer/composer-settings.ts), so that
// sending again sends the same fields.
import { DEFAULT_COMPOSER_SETTINGS, type ComposerSettings } from '../../../shared/composer/composer-settings';
import type { GenerationSettings } from '../../../shared/library/generation';
import { CAMERA_AXES } from '../../../shared/kling/wire';

export function composerParams(s: GenerationSettings): ComposerSettings {
  const camera = s.camera;
  // `simple` has exactly one non-zero axis; the preset moves have none.
  const axis = camera?.config ? CAMERA_AXES.find((a) => (camera.config?.[a] ?? 0) !== 0) : undefined;
  return {
    ...structuredClone(DEFAULT_COMPOSER_SETTINGS),
    prompt: s.prompt,
    negativePrompt: s.negativePrompt,
    model: s.model || DEFAULT_COMPOSER_SETTINGS.model,
    mode: s.mode,
    duration: s.duration,
    ...(s.cfgScale === undefined ? {} : { cfgScale: s.cfgScale }),
    camera: camera
      ? { type: camera.type, axis: axis ?? DEFAULT_COMPOSER_SETTINGS.camera.axis, amount: axis ? (camera.config?.[axis] ?? 0) : 0 }
      : DEFAULT_COMPOSER_SETTINGS.camera,
    sound: s.sound === 'on',
    voices: [s.voices?.[0] ?? '', s.voices?.[1] ?? ''],
    variations: 1,
  };
}
