// Masks in and out of the selected area. Import: a black-and-white image (white = the area) scaled and thresholded
// in a worker, then put into the label map like a selection (the area's old pixels released, the white ones taken
// from whichever area had them: exclusive ownership) as ONE undo step. Export: the area's PNG exactly as Generate
// would send it (shared/editor/mask-export.ts), saved where the person chooses in the system's save dialog (main's
// app:saveImage), suggested under its name in a generation's folder.
import { create } from 'zustand';
import { exportMasks } from '../../../shared/editor/mask-export';
import { studio } from '../../api';
import type { Area, EditorDocument } from '../model/document';
import { applySelection } from '../selection/apply-selection';
import { editorState } from '../store';
import { cancelTools } from '../tools/tools';
import type { MaskImportReply, MaskImportRequest } from '../workers/mask-import.worker';

export interface MaskIoMessage {
  text: string;
  tone: 'info' | 'error';
  areaId: string;
}

export const useMaskIo = create<{ message: MaskIoMessage | null; busy: boolean }>(() => ({ message: null, busy: false }));

const say = (areaId: string, text: string, tone: MaskIoMessage['tone'] = 'info') => useMaskIo.setState({ message: { areaId, text, tone } });

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (reply: MaskImportReply) => void>();

function decodeInWorker(source: Blob, frame: { width: number; height: number }): Promise<MaskImportReply> {
  if (!worker) {
    worker = new Worker(new URL('../workers/mask-import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<MaskImportReply>) => {
      const done = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      done?.(event.data);
    };
  }
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker?.postMessage({ id, source, frame } satisfies MaskImportRequest);
  });
}

/** The file name the mask has in a generation's folder (electron/library/input-files.ts): Kling's order. */
export function maskFileName(doc: EditorDocument, area: Area): string {
  if (area.kind === 'static') return 'static_mask.png';
  return `dynamic_mask_${doc.dynamicAreas.findIndex((a) => a.id === area.id) + 1}.png`;
}

/** Reads `file` into `area` of `doc`, replacing its pixels; says what happened in the panel. */
export async function importMask(doc: EditorDocument, area: Area, file: Blob & { name?: string }): Promise<boolean> {
  useMaskIo.setState({ busy: true, message: null });
  try {
    const reply = await decodeInWorker(file, doc.start);
    if (!reply.ok) {
      say(area.id, reply.message, 'error');
      return false;
    }
    // The document may have changed while the file was read: apply only to the same document and a living area.
    if (editorState().doc !== doc || !doc.area(area.id)) {
      say(area.id, 'The document changed while the mask was read; nothing was imported.', 'error');
      return false;
    }
    cancelTools();
    if (doc.history.inGesture) {
      say(area.id, 'Another change was in progress; the mask was not imported.', 'error');
      return false;
    }
    const region = { x: 0, y: 0, width: doc.start.width, height: doc.start.height };
    const name = doc.area(area.id)?.name ?? area.name;
    doc.history.transact(`Import mask into ${name}`, () => applySelection(doc.labels, { region, data: reply.mask }, area.label, 'replace', 'Import mask'));
    const scaled = reply.size.width !== doc.start.width || reply.size.height !== doc.start.height;
    const share = Math.round((doc.labels.countPixels(area.label) / (doc.start.width * doc.start.height)) * 1000) / 10;
    say(
      area.id,
      `${file.name ?? 'Mask'} imported into ${name}${scaled ? `, scaled from ${reply.size.width} × ${reply.size.height}` : ''}: ${share} % of the frame.`,
    );
    return true;
  } finally {
    useMaskIo.setState({ busy: false });
  }
}

/** The area's mask as the PNG Generate would send, or null when the area is empty (nothing would be sent). */
export function maskPng(doc: EditorDocument, area: Area): Uint8Array | null {
  const [mask] = exportMasks(doc.labels, { frame: doc.start, labels: [area.label] });
  return mask?.png ?? null;
}

/** Saves the area's mask where the person chooses, suggested under its name in a generation's folder. */
export async function exportMask(doc: EditorDocument, area: Area): Promise<boolean> {
  const png = maskPng(doc, area);
  if (!png) {
    say(area.id, `${area.name} is empty: nothing would be sent, so there is no mask to export.`, 'error');
    return false;
  }
  const name = maskFileName(doc, area);
  const saved = await studio.app.saveImage({ name, png });
  if (!saved.ok) {
    say(area.id, `${area.name}'s mask was not saved: ${saved.error.message}`, 'error');
    return false;
  }
  if (saved.value === null) return false; // the dialog was cancelled
  // The file's name only: a full path does not fit the panel, and the person has just chosen the folder.
  const file = saved.value.split(/[\\/]/).pop() ?? saved.value;
  say(area.id, `${area.name}'s mask saved as ${file} (${doc.start.width} × ${doc.start.height}, white = the area), exactly as sent.`);
  return true;
}

/** Asks for an image file and imports it into the selected area. */
export function chooseMaskFile(): void {
  const s = editorState();
  const area = s.doc && s.activeAreaId ? s.doc.area(s.activeAreaId) : null;
  if (!s.doc || !area) return;
  const doc = s.doc;
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'image/png,image/jpeg,image/webp,image/bmp,image/gif,.png,.jpg,.jpeg,.webp,.bmp,.gif,.tif,.tiff';
  input.hidden = true;
  // In the page while the chooser is open (some file-chooser hooks, Playwright's among them, want it attached).
  document.body.append(input);
  input.addEventListener('change', () => {
    input.remove();
    const file = input.files?.[0];
    if (file) void importMask(doc, area, file);
  });
  input.addEventListener('cancel', () => input.remove());
  input.click();
}

export function exportSelectedMask(): void {
  const s = editorState();
  const area = s.doc && s.activeAreaId ? s.doc.area(s.activeAreaId) : null;
  if (s.doc && area) void exportMask(s.doc, area);
}
