// The live side of feature-choice.ts: what each of end frame, motion brush and camera control holds now (the composer
// store and the editor document), which one the request uses, and turning one on, which asks first when the one in
// use holds work. An asked switch is one undo step in the frame history (with the end frame it may bring); the work
// of the feature left is kept where it lives and sent again when it is chosen again.
import { create } from 'zustand';
import type { ExclusiveFeature } from '../../shared/kling/exclusive-features';
import type { EditorDocument } from '../editor/model/document';
import { useEditor } from '../editor/store';
import { useComposer, type ComposerState } from '../store/composer';
import { useView } from '../store/view';
import { CAMERA_CHOICE_LABELS } from './camera-words';
import { activeFeature, planSwitch, workOf, type WorkSummary } from './feature-choice';
import { recordFrames, switchSetCameraType } from './frames/frame-history';

type Held = Pick<ComposerState, 'startFrame' | 'endFrame' | 'camera'>;

function cameraWords(camera: ComposerState['camera']): string | undefined {
  if (camera.type === 'none') return undefined;
  if (camera.type !== 'simple') return CAMERA_CHOICE_LABELS[camera.type];
  return `Simple, ${camera.axis} ${camera.amount > 0 ? '+' : ''}${camera.amount}`;
}

/** Painted areas count only when the document belongs to the start frame (same pixel size), as Generate sends them. */
function belongsToStart(s: Held, doc: EditorDocument | null): doc is EditorDocument {
  return Boolean(s.startFrame && doc && doc.start.width === s.startFrame.width && doc.start.height === s.startFrame.height);
}

export function workSummary(s: Held, doc: EditorDocument | null = useEditor.getState().doc): WorkSummary {
  const painted = belongsToStart(s, doc) ? doc.areas.filter((a) => doc.labels.countPixels(a.label) > 0) : [];
  const camera = cameraWords(s.camera);
  return {
    ...(s.endFrame ? { endFrame: s.endFrame.fileName } : {}),
    areas: painted.length,
    paths: painted.filter((a) => doc?.trajectoryOf(a.id)).length,
    ...(camera ? { camera } : {}),
  };
}

/** The feature the request uses now. */
export function currentFeature(s: ComposerState = useComposer.getState(), doc = useEditor.getState().doc): ExclusiveFeature | null {
  return activeFeature(s.feature, workOf(workSummary(s, doc)));
}

/** The feature the request uses, re-read on every composer or document change. */
export function useCurrentFeature(): { feature: ExclusiveFeature | null; work: WorkSummary } {
  const s = useComposer();
  // Re-read on every document change (`version`): the doc object stays the same while areas are painted.
  useEditor((e) => e.version);
  const work = workSummary(s, useEditor.getState().doc);
  return { feature: activeFeature(s.feature, workOf(work)), work };
}

/** How a change that turns a feature on is made. */
export interface FeatureChange {
  /** When the feature is in use already, or nothing is left behind: the change as it is made any other time. */
  plain(): void;
  /** After an asked switch, which is recorded as one undo step: the change without recording one of its own. */
  raw?(): void;
  /** The person said no: let go of what the change was to bring (an end frame's object URL). */
  dropped?(): void;
}

interface PendingSwitch {
  to: ExclusiveFeature;
  from: ExclusiveFeature;
  work: WorkSummary;
  change?: FeatureChange;
}

/** The switch waiting for the person's answer (the dialog shows it); `answered` while the dialog closes. */
export const useFeatureSwitch = create<{ pending?: PendingSwitch; answered?: boolean }>(() => ({}));

/**
 * Turn on `to` and make `change`. When another feature is in use and holds work, nothing happens until the person
 * answers the question; returns whether the change was made now.
 */
export function turnOn(to: ExclusiveFeature, change?: FeatureChange): boolean {
  const s = useComposer.getState();
  const work = workSummary(s);
  const plan = planSwitch(s.feature, workOf(work), to);
  if (plan.kind === 'ask') {
    // The question lives in Create (an end frame can be opened from the Library by its shortcut): show it there.
    if (useView.getState().view !== 'create') useView.getState().show('create');
    useFeatureSwitch.setState({ pending: { to, from: plan.from, work, ...(change ? { change } : {}) }, answered: false });
    return false;
  }
  if (plan.kind === 'switch') s.update({ feature: to });
  change?.plain();
  return true;
}

/**
 * The person said yes: switch and make the change, as one undo step that gives back the feature left and, when the
 * change chose a movement, the camera's movement before it (never the axis or amount, see FeatureSnapshot).
 */
export function confirmSwitch(): void {
  const pending = useFeatureSwitch.getState().pending;
  if (!pending) return;
  useFeatureSwitch.setState({ pending: undefined, answered: false });
  const s = useComposer.getState();
  // Recorded before the change is made, so that undo keeps the order in which things happened.
  recordFrames(s, { feature: s.feature, to: pending.to });
  s.update({ feature: pending.to });
  const change = pending.change;
  (change?.raw ?? change?.plain)?.();
  if (useComposer.getState().camera.type !== s.camera.type) switchSetCameraType(s.camera.type);
}

/** The person said no: everything stays as it was. */
export function cancelSwitch(): void {
  const pending = useFeatureSwitch.getState().pending;
  useFeatureSwitch.setState({ pending: undefined, answered: false });
  pending?.change?.dropped?.();
}
