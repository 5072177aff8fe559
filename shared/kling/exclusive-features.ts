// The contract's mutually exclusive groups (../shared/kling-api.md, "Mutually exclusive groups"): at most one of end
// frame, motion brush and camera control per request. Which request fields make up each group lives here only, so
// validation (checkExclusiveGroups) and whoever builds a request from kept work (the composer) read the same table.
import type { GenerationRequest } from './request';

export const EXCLUSIVE_FEATURES = ['endFrame', 'motionBrush', 'camera'] as const;
export type ExclusiveFeature = (typeof EXCLUSIVE_FEATURES)[number];

/** The request fields of each group. */
export const EXCLUSIVE_FIELDS = {
  endFrame: ['endFrame'],
  motionBrush: ['staticMask', 'dynamicMasks'],
  camera: ['camera'],
} as const satisfies Record<ExclusiveFeature, readonly (keyof GenerationRequest)[]>;

/** How each group reads inside a sentence: "this one has an end frame and camera control". */
export const EXCLUSIVE_PHRASES: Record<ExclusiveFeature, string> = {
  endFrame: 'an end frame',
  motionBrush: 'the motion brush',
  camera: 'camera control',
};

type GroupFields = Partial<Record<(typeof EXCLUSIVE_FIELDS)[ExclusiveFeature][number], unknown>>;

const present = (value: unknown): boolean => value !== undefined && !(Array.isArray(value) && value.length === 0);

/** The groups a request uses, in the order of EXCLUSIVE_FEATURES. */
export function exclusiveFeaturesOf(req: GroupFields): ExclusiveFeature[] {
  return EXCLUSIVE_FEATURES.filter((f) => EXCLUSIVE_FIELDS[f].some((field) => present(req[field])));
}

/**
 * A copy of `req` that carries only `feature`'s group (none with null): the fields of the others are left out, so
 * work kept for later (an end frame, painted areas, camera settings) is never sent beside the one in use.
 */
export function keepOnlyFeature<T extends GroupFields>(req: T, feature: ExclusiveFeature | null): T {
  const out = { ...req };
  for (const f of EXCLUSIVE_FEATURES) {
    if (f === feature) continue;
    for (const field of EXCLUSIVE_FIELDS[f]) delete out[field];
  }
  return out;
}
