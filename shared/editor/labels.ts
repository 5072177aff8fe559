// How the editor numbers its areas in the one label map it paints into (renderer/editor/model/label-map.ts).
// One byte per pixel means a pixel belongs to at most one area by construction, which is what Kling expects of the
// static mask and the dynamic masks (../shared/kling-api.md, "Motion brush").
import { LIMITS } from '../kling/limits';

/** A pixel nobody painted. */
export const UNPAINTED = 0;
/** The static area ("what must stay still"). */
export const STATIC_LABEL = 1;
/** Dynamic area n (1-based, n = 1..6) is stored as label n + 1. */
export const FIRST_DYNAMIC_LABEL = 2;
export const MAX_DYNAMIC_AREAS: number = LIMITS.dynamicMasksMax;
export const MAX_LABEL = FIRST_DYNAMIC_LABEL + MAX_DYNAMIC_AREAS - 1;
/** Number of distinct label values, 0 included. */
export const LABEL_COUNT = MAX_LABEL + 1;

export function isValidLabel(label: number): boolean {
  return Number.isInteger(label) && label >= 0 && label <= MAX_LABEL;
}

export function assertLabel(label: number): void {
  if (!isValidLabel(label)) throw new RangeError(`label must be an integer in [0, ${MAX_LABEL}], got ${label}`);
}
