// End frame, motion brush and camera control exclude each other (shared/kling/exclusive-features.ts). The composer
// keeps the work of all three and sends only the chosen one's, so switching never deletes anything: this file is the
// pure part of that model (which one is used, whether switching must ask, and the words for it).
import { EXCLUSIVE_FEATURES, type ExclusiveFeature } from '../../shared/kling/exclusive-features';

/** Whether each feature holds work: an end frame, painted areas of the start frame, a camera movement. */
export type FeatureWork = Record<ExclusiveFeature, boolean>;

/** What each feature holds, for the words of the panel and the question. */
export interface WorkSummary {
  /** The end frame's file name. */
  endFrame?: string;
  /** Areas with paint, and the moving ones among them with a path. */
  areas: number;
  paths: number;
  /** "Simple, zoom +5", "Down and back". */
  camera?: string;
}

export const workOf = (w: WorkSummary): FeatureWork => ({
  endFrame: w.endFrame !== undefined,
  motionBrush: w.areas > 0,
  camera: w.camera !== undefined,
});

export const FEATURE_LABELS: Record<ExclusiveFeature, string> = {
  endFrame: 'End frame',
  motionBrush: 'Motion brush',
  camera: 'Camera control',
};

/** The feature the request uses: the chosen one; with none chosen yet, the first that has work. */
export function activeFeature(chosen: ExclusiveFeature | null, work: FeatureWork): ExclusiveFeature | null {
  return chosen ?? EXCLUSIVE_FEATURES.find((f) => work[f]) ?? null;
}

/**
 * What turning on `to` takes: nothing (it is in use), a switch at once (the one in use holds nothing to keep), or a
 * question first (the one in use holds work, which is kept but will no longer be sent).
 */
export type SwitchPlan = { kind: 'in-use' } | { kind: 'switch' } | { kind: 'ask'; from: ExclusiveFeature };

export function planSwitch(chosen: ExclusiveFeature | null, work: FeatureWork, to: ExclusiveFeature): SwitchPlan {
  const from = activeFeature(chosen, work);
  if (from === to) return { kind: 'in-use' };
  if (from === null || !work[from]) return { kind: 'switch' };
  return { kind: 'ask', from };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a feature holds, in a few words: "3 painted areas, 2 paths", "beach.jpg", "Simple, zoom +5"; undefined: nothing. */
export function describeWork(feature: ExclusiveFeature, w: WorkSummary): string | undefined {
  if (feature === 'endFrame') return w.endFrame;
  if (feature === 'camera') return w.camera;
  if (w.areas === 0) return undefined;
  const areas = count(w.areas, 'painted area', 'painted areas');
  return w.paths > 0 ? `${areas}, ${count(w.paths, 'path', 'paths')}` : areas;
}

/** "Use camera control instead?" */
export const switchQuestion = (to: ExclusiveFeature): string => `Use ${FEATURE_LABELS[to].toLowerCase()} instead?`;

/** "Your 3 painted areas are kept and come back when you switch back." */
export function keptSentence(from: ExclusiveFeature, w: WorkSummary): string {
  if (from === 'endFrame') return `Your end frame (${w.endFrame ?? 'image'}) is kept and comes back when you switch back.`;
  if (from === 'camera') return `Your camera settings (${w.camera ?? 'movement'}) are kept and come back when you switch back.`;
  const many = w.areas !== 1 || w.paths > 0;
  const what = describeWork('motionBrush', w)?.replace(/, (\d+ paths?)$/, ' and $1') ?? 'painted areas';
  return `Your ${what} ${many ? 'are' : 'is'} kept and come${many ? '' : 's'} back when you switch back.`;
}
