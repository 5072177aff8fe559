// A file dropped, opened or pasted into a slot: taken as it is, refused with the rules it breaks, or refused with a
// fix offered in the notice. Nothing is changed until the person clicks the fix; the result's size is then shown.
import { checkImage } from '../../shared/kling/image-rules';
import { useComposer, type FrameSlotName, type Notice } from '../store/composer';
import { useView } from '../store/view';
import { turnOn } from './feature-switch';
import type { Rect } from './frames/crop-math';
import { formatBytes } from './frames/format';
import { renamedFor, triage, type FixPlan } from './frames/fix-plan';
import { useFramesUi } from './frames/frames-ui';
import { decodeUpright, renderToFit } from './frames/render-image';
import { frameFromBytes, inspectImage, type Frame, type FrameField, type Inspection } from './load-frame';

export const FIELD_OF: Record<FrameSlotName, FrameField> = { start: 'startFrame', end: 'endFrame' };
export const SLOT_LABEL: Record<FrameSlotName, string> = { start: 'start frame', end: 'end frame' };

export function frameIn(slot: FrameSlotName): Frame | undefined {
  const s = useComposer.getState();
  return slot === 'start' ? s.startFrame : s.endFrame;
}

export function setFrame(slot: FrameSlotName, frame: Frame | undefined): void {
  const s = useComposer.getState();
  const settled = () => {
    const removed = useFramesUi.getState().removed;
    if (frame && removed?.slot === slot) useFramesUi.getState().setRemoved(undefined);
  };
  if (slot === 'start' || !frame) {
    if (slot === 'start') s.setStartFrame(frame);
    else s.setEndFrame(frame);
    settled();
    return;
  }
  // An end frame turns the end frame on, which asks first when painted areas or a camera move are in use; after a
  // yes, the switch and the new frame are one undo step.
  turnOn('endFrame', {
    plain: () => {
      useComposer.getState().setEndFrame(frame);
      settled();
    },
    raw: () => {
      const now = useComposer.getState();
      now.restoreFrames(now.startFrame, frame);
      settled();
    },
    dropped: () => URL.revokeObjectURL(frame.url),
  });
}

const triageOf = (seen: Inspection) =>
  triage({
    problems: seen.problems,
    format: seen.info.format,
    orientation: seen.info.exifOrientation,
    decodable: seen.decodable,
    hasAlpha: seen.hasAlpha,
    ...(seen.upright ? { size: seen.upright } : seen.info.width && seen.info.height ? { size: { width: seen.info.width, height: seen.info.height } } : {}),
  });

/** Check a file and put it in `slot`, or say which rule it breaks; the slot's current frame is kept on failure. */
export async function acceptFrameFile(file: File, slot: FrameSlotName = 'start'): Promise<void> {
  // Opened, pasted or dropped while the Library shows: Create comes forward, so the person sees the frame arrive (or
  // why it cannot be used) instead of it changing out of sight.
  if (useView.getState().view === 'library') useView.getState().show('create');
  const name = file.name || 'pasted image';
  const seen = await inspectImage(file, FIELD_OF[slot]);
  const t = triageOf(seen);
  const s = useComposer.getState();
  if (t.kind === 'refuse') {
    s.setFrameNotice({ title: `“${name}” can't be used`, messages: t.messages });
    return;
  }
  if (t.kind === 'accept') {
    setFrame(slot, frameFromBytes(name, seen.bytes, seen.info));
    if (t.upright) s.setFrameNotice(uprightOffer(slot, name, seen, t.upright));
    return;
  }
  const plan = t.plan;
  s.setFrameNotice({
    title: `“${name}” can't be used as it is`,
    messages: t.messages,
    actions: [{ label: plan.label, run: () => (plan.crop ? openCrop(slot, name, seen, plan) : applyFix(slot, name, seen, plan)) }],
  });
}

/** Re-encode the frame in `slot` upright (an EXIF-rotated JPEG), exactly as its offered fix does. */
export async function rotateFrameUpright(slot: FrameSlotName): Promise<void> {
  const frame = frameIn(slot);
  if (!frame) return;
  const seen = await inspectImage(new File([frame.bytes as BlobPart], frame.fileName), FIELD_OF[slot]);
  const t = triageOf(seen);
  if (t.kind === 'accept' && t.upright) await applyFix(slot, frame.fileName, seen, t.upright);
}

function uprightOffer(slot: FrameSlotName, name: string, seen: Inspection, plan: FixPlan): Notice {
  const o = seen.info.exifOrientation ?? 1;
  return {
    tone: 'offer',
    title: `“${name}” is stored ${o === 3 ? 'upside down' : o === 2 || o === 4 ? 'mirrored' : 'on its side'}`,
    messages: [
      `It is shown upright here (EXIF orientation ${o}), but Kling and the motion brush use the stored pixels, ${seen.info.width} × ${seen.info.height}.`,
      `“${plan.label}” re-encodes it as JPEG so what is sent is what you see.`,
    ],
    actions: [{ label: plan.label, run: () => applyFix(slot, name, seen, plan) }],
  };
}

function openCrop(slot: FrameSlotName, name: string, seen: Inspection, plan: FixPlan): void {
  const upright = seen.upright ?? { width: seen.info.width ?? 0, height: seen.info.height ?? 0 };
  useFramesUi.getState().openCrop({
    fileName: name,
    bytes: seen.bytes,
    width: upright.width,
    height: upright.height,
    outputName: plan.output === 'jpeg' ? 'JPEG' : 'PNG',
    apply: (rect) => applyFix(slot, name, seen, plan, rect),
  });
}

/** Perform `plan` (with the crop chosen in the dialog) and put the result in `slot`, saying what changed. */
async function applyFix(slot: FrameSlotName, name: string, seen: Inspection, plan: FixPlan, crop?: Rect): Promise<void> {
  const s = useComposer.getState();
  const bitmap = await decodeUpright(seen.bytes);
  if (!bitmap) {
    s.setFrameNotice({ title: `“${name}” could not be fixed`, messages: ['It could not be decoded again.'] });
    return;
  }
  let rendered;
  try {
    rendered = await renderToFit(bitmap, { output: plan.output, jpegFallback: !seen.hasAlpha, ...(crop ? { crop } : {}) });
  } catch (error) {
    s.setFrameNotice({ title: `“${name}” could not be fixed`, messages: [(error as Error).message] });
    return;
  } finally {
    bitmap.close();
  }
  const newName = renamedFor(name, rendered.format);
  const problems = checkImage(FIELD_OF[slot], rendered.bytes).filter((p) => p.severity === 'error');
  if (problems.length > 0) {
    s.setFrameNotice({ title: `“${name}” could not be fixed`, messages: problems.map((p) => p.message) });
    return;
  }
  setFrame(slot, frameFromBytes(newName, rendered.bytes));

  const formatName = rendered.format === 'jpeg' ? 'JPEG' : 'PNG';
  const changed = seen.info.format !== rendered.format;
  const steps = [
    crop ? 'cropped' : '',
    plan.convert ? `converted to ${formatName}` : '',
    plan.shrink ? `re-encoded${changed && !plan.convert ? ` as ${formatName}` : ''} to fit 10 MB` : '',
    plan.upright ? 'rotated upright' : '',
  ].filter(Boolean);
  const said = steps.length > 1 ? `${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]}` : (steps[0] ?? 're-encoded');
  const title = `${capitalize(said)}: “${newName}”`;
  const quality = rendered.quality !== undefined ? `, quality ${rendered.quality}` : '';
  const messages = [
    `Now ${rendered.width} × ${rendered.height} px, ${formatBytes(rendered.bytes.length)} (${formatName}${quality}); was ${seen.info.width ?? seen.upright?.width ?? '?'} × ${seen.info.height ?? seen.upright?.height ?? '?'} px, ${formatBytes(seen.bytes.length)}.`,
  ];
  if (rendered.scale < 1) messages.push(`Scaled to ${Math.round(rendered.scale * 100)} % so that it fits 10 MB.`);
  if (changed && plan.outputReason) messages.push(plan.outputReason);
  if (plan.upright) messages.push(`Stored upright (it had EXIF orientation ${seen.info.exifOrientation}).`);
  messages.push(`Set as the ${SLOT_LABEL[slot]}.`);
  s.setFrameNotice({ tone: 'done', title, messages });
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Remove the frame in `slot`, keeping it so the toast's Undo can bring it back. */
export function removeFrame(slot: FrameSlotName): void {
  const frame = frameIn(slot);
  if (!frame) return;
  setFrame(slot, undefined);
  useFramesUi.getState().setRemoved({ slot, fileName: frame.fileName, bytes: frame.bytes });
}

export function undoRemove(): void {
  const removed = useFramesUi.getState().removed;
  if (!removed) return;
  // The removed frame's object URL was revoked; its bytes were kept, so a fresh one is made.
  setFrame(removed.slot, frameFromBytes(removed.fileName, removed.bytes));
  useFramesUi.getState().setRemoved(undefined);
}
