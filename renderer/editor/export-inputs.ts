// What the editor adds to a generation request: the still mask and the moving masks with their trajectories, in the
// document's order (Kling numbers dynamic_masks in the order sent). Empty areas are left out; masks are at the
// start frame's exact pixel size (exportMasks refuses anything else); trajectories stay in TOP-LEFT pixels — main
// flips them to Kling's bottom-left origin.
import type { Point } from '../../shared/editor/geometry';
import { exportMasks } from '../../shared/editor/mask-export';
import { wrapGrayPng } from '../../shared/editor/png';
import type { EditorDocument } from './model/document';
import { useEditor } from './store';

export interface MotionBrushInputs {
  staticMask?: Uint8Array;
  dynamicMasks: { mask: Uint8Array; trajectory: { x: number; y: number }[] }[];
}

export function exportInputs(doc: EditorDocument): MotionBrushInputs {
  const started = performance.now();
  const masks = exportMasks(doc.labels, { frame: { width: doc.start.width, height: doc.start.height } });
  const byLabel = new Map(masks.map((m) => [m.label, m.png]));
  const out = inputsWith(doc, (label) => byLabel.get(label));
  // Visible in DevTools' performance panel and read by the benchmark (scripts/bench.mjs).
  performance.measure('editor.export', { start: started, end: performance.now() });
  return out;
}

/**
 * The same fields without exporting the masks, for the live checklist: each painted area's mask is only the header
 * exportMasks writes (8-bit grayscale at the frame's size, no pixel data), which is all validation reads of a mask
 * (shared/kling/validate-motion-brush.ts). The checklist judges the request at every change of the document; exporting
 * the seven masks of a 4096² frame there took ~45 ms (far more on a loaded machine) after every stroke and every
 * selection, in the frame that shows it.
 */
export function outlineInputs(doc: EditorDocument): MotionBrushInputs {
  const header = wrapGrayPng(doc.start.width, doc.start.height, new Uint8Array(0));
  return inputsWith(doc, (label) => (doc.labels.countPixels(label) > 0 ? header : undefined));
}

/** Still mask, then the moving areas in the document's order, each with its path as sent; empty areas left out. */
function inputsWith(doc: EditorDocument, maskOf: (label: number) => Uint8Array | undefined): MotionBrushInputs {
  const out: MotionBrushInputs = { dynamicMasks: [] };
  const still = doc.staticArea;
  const stillPng = still ? maskOf(still.label) : undefined;
  if (stillPng) out.staticMask = stillPng;
  for (const area of doc.dynamicAreas) {
    const png = maskOf(area.label);
    if (!png) continue;
    // The points as spaced by the path's Speed (its drawn points when steady).
    const path: readonly Point[] = doc.sentTrajectoryOf(area.id) ?? [];
    out.dynamicMasks.push({ mask: png, trajectory: path.map((p) => ({ x: p.x, y: p.y })) });
  }
  return out;
}

/** Whether any area has paint: O(1) per area, since the label map keeps its pixel counts up to date. */
export function hasPaintedAreas(doc: EditorDocument | null): boolean {
  return doc !== null && doc.areas.some((a) => doc.labels.countPixels(a.label) > 0);
}

/**
 * The request fields for the open document, when it belongs to `frame` (same pixel size): nothing when no area is
 * painted, so a plain generation stays plain.
 */
export function motionBrushInputs(
  frame: { width: number; height: number },
  inputsOf: (doc: EditorDocument) => MotionBrushInputs = exportInputs,
): Partial<MotionBrushInputs> {
  const doc = useEditor.getState().doc;
  if (!doc || doc.start.width !== frame.width || doc.start.height !== frame.height) return {};
  const inputs = inputsOf(doc);
  return {
    ...(inputs.staticMask ? { staticMask: inputs.staticMask } : {}),
    ...(inputs.dynamicMasks.length > 0 ? { dynamicMasks: inputs.dynamicMasks } : {}),
  };
}
