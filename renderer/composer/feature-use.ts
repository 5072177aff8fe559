// Which of the capability-judged features the composed request uses now: what the Mode/Duration options, the Model
// list and the nearest-combination offer are judged against. Of end frame, motion brush and camera control only the
// one in use counts (feature-switch.ts): the others' work is kept, not sent.
import type { ExclusiveFeature } from '../../shared/kling/exclusive-features';
import { NO_FEATURES, type FeatureUse } from '../../shared/kling/model-summary';
import { supportsSoundField } from '../../shared/kling/models';
import type { WorkSummary } from './feature-choice';
import { useCurrentFeature } from './feature-switch';
import { useComposer, type ComposerState } from '../store/composer';

/** Voice ids as sent: both boxes, trailing empty ones dropped (an empty first one with a second is a problem). */
export function voicesOf(s: Pick<ComposerState, 'voices'>): string[] {
  const ids = s.voices.map((v) => v.trim());
  while (ids.length > 0 && ids[ids.length - 1] === '') ids.pop();
  return ids;
}

export function featureUse(s: ComposerState, active: ExclusiveFeature | null, work: WorkSummary): FeatureUse {
  const sound = supportsSoundField(s.model) && s.sound;
  const camera = active === 'camera' && s.camera.type !== 'none';
  return {
    ...NO_FEATURES,
    endFrame: active === 'endFrame' && work.endFrame !== undefined,
    motionBrush: active === 'motionBrush' && work.areas > 0,
    ...(camera ? { camera: s.camera.type === 'simple' ? 'simple' : 'preset' } : {}),
    sound,
    voices: voicesOf(s).length > 0,
  };
}

export function useFeatureUse(): FeatureUse {
  const s = useComposer();
  const { feature, work } = useCurrentFeature();
  return featureUse(s, feature, work);
}
