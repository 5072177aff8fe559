// What the person is composing: the frame, the prompt and the parameters. Kept when a submit fails, so nothing
// typed is lost.
import { create } from 'zustand';
import { DEFAULT_COMPOSER_SETTINGS, type ComposerSettings } from '../../shared/composer/composer-settings';
import type { Frame } from '../composer/load-frame';
import { recordFrames, type FeatureSnapshot } from '../composer/frames/frame-history';

export interface NoticeAction {
  label: string;
  run(): void | Promise<void>;
}

export interface Notice {
  title: string;
  messages: string[];
  /** `error` (default): something was refused; `offer`: a fix waits for a click; `done`: what a fix changed. */
  tone?: 'error' | 'offer' | 'done';
  /** Fixes offered to the person; nothing is changed until one is clicked. */
  actions?: NoticeAction[];
}

export type FrameSlotName = 'start' | 'end';

/** The parameters kept across restarts (shared/composer/composer-settings.ts). */
export type ComposerParams = ComposerSettings;
export const PARAM_KEYS = Object.keys(DEFAULT_COMPOSER_SETTINGS) as (keyof ComposerParams)[];

export interface ComposerState extends ComposerParams {
  startFrame?: Frame;
  /** Optional; Kling needs a start frame with it (`image_tail` needs `image`). */
  endFrame?: Frame;
  frameNotice?: Notice;
  /** The profile to send with; the current one (Settings) when unset. */
  profileId?: string;
  submitting: boolean;
  submitNotice?: Notice;
  setStartFrame(frame: Frame | undefined): void;
  setEndFrame(frame: Frame | undefined): void;
  /** Exchange start and end (either may be empty): the Swap button, and dragging one thumbnail onto the other slot. */
  swapFrames(): void;
  /** Put frames (and what a switch changed) back from the frame history (undo/redo): not itself recorded. */
  restoreFrames(start: Frame | undefined, end: Frame | undefined, feature?: FeatureSnapshot): void;
  setFrameNotice(notice: Notice | undefined): void;
  setSubmitNotice(notice: Notice | undefined): void;
  setSubmitting(submitting: boolean): void;
  update(patch: Partial<ComposerParams & Pick<ComposerState, 'profileId'>>): void;
}

export const useComposer = create<ComposerState>((set, get) => ({
  ...structuredClone(DEFAULT_COMPOSER_SETTINGS),
  submitting: false,
  setStartFrame(frame) {
    const { startFrame: old, endFrame } = get();
    if (old !== frame) recordFrames(get());
    if (old && old.url !== frame?.url && old.url !== endFrame?.url) URL.revokeObjectURL(old.url);
    set({ startFrame: frame, frameNotice: undefined, submitNotice: undefined });
  },
  setEndFrame(frame) {
    const { endFrame: old, startFrame } = get();
    if (old !== frame) recordFrames(get());
    if (old && old.url !== frame?.url && old.url !== startFrame?.url) URL.revokeObjectURL(old.url);
    set({ endFrame: frame, frameNotice: undefined, submitNotice: undefined });
  },
  swapFrames: () => {
    recordFrames(get());
    set((s) => ({ startFrame: s.endFrame, endFrame: s.startFrame, submitNotice: undefined }));
  },
  restoreFrames(start, end, feature) {
    const { startFrame, endFrame } = get();
    for (const old of [startFrame, endFrame]) if (old && old.url !== start?.url && old.url !== end?.url) URL.revokeObjectURL(old.url);
    const choice = feature && {
      feature: feature.feature,
      ...(feature.cameraType !== undefined ? { camera: { ...get().camera, type: feature.cameraType } } : {}),
    };
    set({ startFrame: start, endFrame: end, ...choice, frameNotice: undefined, submitNotice: undefined });
  },
  setFrameNotice: (frameNotice) => set({ frameNotice }),
  setSubmitNotice: (submitNotice) => set({ submitNotice }),
  setSubmitting: (submitting) => set({ submitting }),
  update: (patch) => set({ ...patch, submitNotice: undefined }),
}));
