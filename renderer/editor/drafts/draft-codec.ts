// A document as a draft record and back. The label map travels as a grayscale PNG of its label values (0..7): the
// run-length PNG encoder makes a painted 4096² map a few hundred KB at most, and the same decoder reads it back.
import type { Point } from '../../../shared/editor/geometry';
import { FIRST_DYNAMIC_LABEL, LABEL_COUNT, STATIC_LABEL } from '../../../shared/editor/labels';
import { isPathSpeed, type PathSpeed } from '../../../shared/editor/path-speed';
import { decodeGrayPng, encodeGrayPng } from '../../../shared/editor/png';
import { EditorDocument, type Area } from '../model/document';

export const DRAFT_VERSION = 1;

export interface DraftArea {
  id: string;
  label: number;
  kind: Area['kind'];
  name: string;
  colour: string;
  /** Written by older versions; visibility is view state now and is ignored. */
  hidden?: boolean;
  trajectory: Point[] | null;
  /** The path's Speed; absent in drafts written before it existed (= steady). */
  speed?: PathSpeed;
}

export interface DraftRecord {
  version: number;
  key: string;
  width: number;
  height: number;
  source: string;
  savedAt: number;
  /** Areas in document order (static first, then Kling's dynamic order). */
  areas: DraftArea[];
  labelsPng: Uint8Array;
}

export function documentToDraft(doc: EditorDocument, key: string, now = Date.now()): DraftRecord {
  return {
    version: DRAFT_VERSION,
    key,
    width: doc.start.width,
    height: doc.start.height,
    source: doc.start.source,
    savedAt: now,
    areas: doc.areas.map((a) => ({
      id: a.id,
      label: a.label,
      kind: a.kind,
      name: a.name,
      colour: a.colour,
      trajectory: doc.trajectoryOf(a.id)?.map((p) => ({ x: p.x, y: p.y })) ?? null,
      ...(a.kind === 'dynamic' && doc.speedOf(a.id) !== 'steady' ? { speed: doc.speedOf(a.id) } : {}),
    })),
    labelsPng: encodeGrayPng(doc.labels.width, doc.labels.height, doc.labels.data),
  };
}

/**
 * Rebuilds the document with an empty history. New areas get the lowest free labels, so the saved labels are first
 * remapped densely (in label order) to the labels the areas will get; ids are new too.
 */
export function draftToDocument(draft: DraftRecord): EditorDocument | null {
  if (draft.version !== DRAFT_VERSION) return null;
  const image = decodeGrayPng(draft.labelsPng);
  if (image.width !== draft.width || image.height !== draft.height) return null;
  const saved = draft.areas.filter((a) => a.label >= STATIC_LABEL && a.label < LABEL_COUNT);
  const mapping = new Uint8Array(256); // unknown labels become unpainted
  const staticSaved = saved.find((a) => a.kind === 'static');
  if (staticSaved) mapping[staticSaved.label] = STATIC_LABEL;
  const dynamicByLabel = saved.filter((a) => a.kind === 'dynamic').sort((a, b) => a.label - b.label);
  dynamicByLabel.forEach((a, i) => (mapping[a.label] = FIRST_DYNAMIC_LABEL + i));
  const pixels = image.pixels;
  for (let i = 0; i < pixels.length; i++) pixels[i] = mapping[pixels[i] as number] as number;

  const doc = new EditorDocument({ start: { width: draft.width, height: draft.height, source: draft.source }, labels: pixels });
  const idOf = new Map<string, string>();
  if (staticSaved) idOf.set(staticSaved.id, doc.addArea('static', staticSaved.name).id);
  for (const a of dynamicByLabel) idOf.set(a.id, doc.addArea('dynamic', a.name).id);
  saved.filter((a) => a.kind === 'dynamic').forEach((a, index) => {
    const id = idOf.get(a.id);
    if (id) doc.reorderDynamic(id, index);
  });
  for (const a of saved) {
    const id = idOf.get(a.id);
    if (!id) continue;
    if (/^#[0-9a-f]{6}$/i.test(a.colour)) doc.setColour(id, a.colour);
    if (a.kind === 'dynamic' && a.trajectory && a.trajectory.length >= 2) doc.setTrajectory(id, a.trajectory);
    if (a.kind === 'dynamic' && isPathSpeed(a.speed)) doc.setSpeed(id, a.speed);
  }
  doc.history.clear();
  return doc;
}
