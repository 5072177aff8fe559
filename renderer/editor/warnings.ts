// Non-blocking advice about the motion brush set-up, shown in the areas panel.
import type { EditorDocument } from './model/document';

export interface AreaWarning {
  areaId: string;
  message: string;
}

export function motionWarnings(doc: EditorDocument, hidden: ReadonlySet<string> = new Set()): AreaWarning[] {
  const out: AreaWarning[] = [];
  // Hiding is for seeing what is underneath; a hidden area is still part of what is sent, so say so.
  for (const area of doc.areas) {
    if (hidden.has(area.id) && doc.labels.countPixels(area.label) > 0) {
      out.push({ areaId: area.id, message: `${area.name} is hidden here but will be sent.` });
    }
  }
  for (const area of doc.dynamicAreas) {
    const pixels = doc.labels.countPixels(area.label);
    const path = doc.trajectoryOf(area.id);
    if (pixels > 0 && !path) out.push({ areaId: area.id, message: `${area.name} has no path: draw one with the Path tool (T).` });
    if (path && pixels === 0) out.push({ areaId: area.id, message: `${area.name} has a path but no painted pixels; it will not be sent.` });
    const first = path?.[0];
    if (path && pixels > 0 && first && doc.labels.labelAt(Math.round(first.x), Math.round(first.y)) !== area.label) {
      out.push({ areaId: area.id, message: `${area.name}'s path starts outside its area.` });
    }
  }
  return out;
}
