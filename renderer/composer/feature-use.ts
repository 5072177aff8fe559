// Which of the capability-judged features the composed request uses now: what the Mode/Duration options, the Model
// list and the nearest-combination offer are judged against.
import { NO_FEATURES, type FeatureUse } from '../../shared/kling/model-summary';
import { supportsSoundField } from '../../shared/kling/models';
import { hasPaintedAreas } from '../editor/export-inputs';
import { useEditor } from '../editor/store';
import { useComposer, type ComposerState } from '../store/composer';

/** Painted areas count only when the document belongs to the start frame (same pixel size), as Generate sends them. */
export function usesMotionBrush(s: Pick<ComposerState, 'startFrame'>, doc = useEditor.getState().doc): boolean {
  if (!s.startFrame || !doc) return false;
  return doc.start.width === s.startFrame.width && doc.start.height === s.startFrame.height && hasPaintedAreas(doc);
}

/** Voice ids as sent: both boxes, trailing empty ones dropped (an empty first one with a second is a problem). */
export function voicesOf(s: Pick<ComposerState, 'voices'>): string[] {
  const ids = s.voices.map((v) => v.trim());
  while (ids.length > 0 && ids[ids.length - 1] === '') ids.pop();
  return ids;
}

export function featureUse(s: ComposerState, motionBrush: boolean): FeatureUse {
  const sound = supportsSoundField(s.model) && s.sound;
  return {
    ...NO_FEATURES,
    endFrame: s.endFrame !== undefined,
    motionBrush,
    ...(s.camera.type === 'none' ? {} : { camera: s.camera.type === 'simple' ? 'simple' : 'preset' }),
    sound,
    voices: voicesOf(s).length > 0,
  };
}

export function useFeatureUse(): FeatureUse {
  const s = useComposer();
  const motionBrush = useEditor((e) => (e.version >= 0 ? usesMotionBrush(s, e.doc) : false));
  return featureUse(s, motionBrush);
}
