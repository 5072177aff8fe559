// The editor document of a generation as it was sent: its masks (white = painted) back into one label map, in the
// order sent (the still area first, then the moving areas as Kling numbered them), each moving area with its path.
// The editor's export of this document gives back the same masks pixel for pixel and the same paths.
import { FIRST_DYNAMIC_LABEL, STATIC_LABEL } from '../../../shared/editor/labels';
import { EditorDocument, type FrameInfo } from '../../editor/model/document';

export interface SentAreas {
  /** 0/255 pixels (any value ≥ 128 counts as painted) at the start frame's size. */
  staticMask?: Uint8Array;
  dynamic: { mask: Uint8Array; trajectory: { x: number; y: number }[] }[];
}

/**
 * One label per pixel: where two masks overlap (only masks made outside this app can), the later one wins, as the
 * moving area is the one Kling animates.
 */
export function labelsFromMasks(width: number, height: number, areas: SentAreas): Uint8Array {
  const labels = new Uint8Array(width * height);
  const paint = (mask: Uint8Array, label: number) => {
    if (mask.length !== labels.length) throw new Error(`a mask is not ${width}×${height} like the start frame`);
    for (let i = 0; i < mask.length; i++) if ((mask[i] as number) >= 128) labels[i] = label;
  };
  if (areas.staticMask) paint(areas.staticMask, STATIC_LABEL);
  areas.dynamic.forEach((d, i) => paint(d.mask, FIRST_DYNAMIC_LABEL + i));
  return labels;
}

export function documentFromSent(start: FrameInfo, areas: SentAreas): EditorDocument {
  const doc = new EditorDocument({ start, labels: labelsFromMasks(start.width, start.height, areas) });
  // Like a fresh document, a still area is always there (empty when none was sent: nothing empty is exported).
  doc.addArea('static');
  if (areas.dynamic.length === 0) doc.addArea('dynamic');
  for (const d of areas.dynamic) {
    // Areas take the lowest free label, so the i-th moving area gets FIRST_DYNAMIC_LABEL + i, as painted above.
    const area = doc.addArea('dynamic');
    if (d.trajectory.length >= 2) doc.setTrajectory(area.id, d.trajectory);
  }
  doc.history.clear();
  return doc;
}
