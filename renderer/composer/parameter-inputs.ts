// The composer's parameters as request fields: only what the chosen model takes (no cfg_scale for kling-v2.x, no
// sound or voices before kling-v2-6, the camera's six axes only for Simple), so the body never carries a field the
// person was told is not sent.
import { acceptsCfgScale, supportsSoundField } from '../../shared/kling/models';
import type { CameraInput } from '../../shared/kling/request';
import type { ComposerParams } from '../store/composer';
import { voicesOf } from './feature-use';

export interface ParameterInputs {
  cfgScale?: number;
  camera?: CameraInput;
  sound?: 'on' | 'off';
  voices?: string[];
}

export function cameraInput(camera: ComposerParams['camera']): CameraInput | undefined {
  if (camera.type === 'none') return undefined;
  // The other five axes are 0 by construction: only the chosen one carries the amount.
  if (camera.type === 'simple') return { type: 'simple', config: { [camera.axis]: camera.amount } };
  return { type: camera.type };
}

export function parameterInputs(s: ComposerParams): ParameterInputs {
  const camera = cameraInput(s.camera);
  const voices = voicesOf(s);
  const sound = supportsSoundField(s.model);
  return {
    ...(acceptsCfgScale(s.model) ? { cfgScale: s.cfgScale } : {}),
    ...(camera ? { camera } : {}),
    ...(sound ? { sound: s.sound ? 'on' : 'off' } : {}),
    ...(sound && voices.length > 0 ? { voices } : {}),
  };
}

/** The text and every parameter as the request carries them: what Generate sends and the checklist judges alike. */
export function composedParameters(s: ComposerParams) {
  return { prompt: s.prompt, negativePrompt: s.negativePrompt, model: s.model, mode: s.mode, duration: s.duration, ...parameterInputs(s) };
}
