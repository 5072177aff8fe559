// What the person is composing: the frame, the prompt and the parameters. Kept when a submit fails, so nothing
// typed is lost.
import { create } from 'zustand';
import { DEFAULT_MODEL } from '../../shared/kling/models';
import type { Duration, Mode } from '../../shared/kling/limits';
import type { Frame } from '../composer/load-frame';

export interface Notice {
  title: string;
  messages: string[];
}

export interface ComposerState {
  startFrame?: Frame;
  frameNotice?: Notice;
  prompt: string;
  negativePrompt: string;
  model: string;
  mode: Mode;
  duration: Duration;
  submitting: boolean;
  submitNotice?: Notice;
  setStartFrame(frame: Frame | undefined): void;
  setFrameNotice(notice: Notice | undefined): void;
  setSubmitNotice(notice: Notice | undefined): void;
  setSubmitting(submitting: boolean): void;
  update(patch: Partial<Pick<ComposerState, 'prompt' | 'negativePrompt' | 'model' | 'mode' | 'duration'>>): void;
}

export const useComposer = create<ComposerState>((set, get) => ({
  prompt: '',
  negativePrompt: '',
  model: DEFAULT_MODEL,
  mode: 'std',
  duration: '5',
  submitting: false,
  setStartFrame(frame) {
    const old = get().startFrame;
    if (old && old.url !== frame?.url) URL.revokeObjectURL(old.url);
    set({ startFrame: frame, frameNotice: undefined, submitNotice: undefined });
  },
  setFrameNotice: (frameNotice) => set({ frameNotice }),
  setSubmitNotice: (submitNotice) => set({ submitNotice }),
  setSubmitting: (submitting) => set({ submitting }),
  update: (patch) => set({ ...patch, submitNotice: undefined }),
}));
