// The person's preferences as main keeps them (Settings view, theme, defaults for a New document). Main is the truth:
// every change goes there and comes back, to this window and any other.
import { create } from 'zustand';
import type { SettingsState } from '../../shared/ipc/contract';
import { applyPatch, type PreferencesPatch } from '../../shared/settings/preferences';
import { studio, unwrap } from '../api';
import { useComposer } from './composer';

interface SettingsStore {
  state?: SettingsState;
  /** Why the last change was refused, in words. */
  error?: string;
  load(): Promise<void>;
  set(state: SettingsState): void;
  update(patch: PreferencesPatch): Promise<void>;
  dismissNotice(): Promise<void>;
}

export const useSettings = create<SettingsStore>((set, get) => ({
  async load() {
    set({ state: await unwrap(studio.settings.get({})) });
  },
  set: (state) => set({ state }),
  async update(patch) {
    // Shown at once (a controlled radio or checkbox must not snap back while main saves); main's answer is the truth,
    // and a refusal puts back what main holds.
    const before = get().state;
    if (before) set({ state: { ...before, preferences: applyPatch(before.preferences, patch) } });
    const result = await studio.settings.update(patch);
    if (result.ok) set({ state: result.value, error: undefined });
    else set({ error: result.error.message, ...(before ? { state: before } : {}) });
  },
  async dismissNotice() {
    set({ state: await unwrap(studio.settings.dismissNotice({})) });
  },
}));

/** File ▸ New: the composer's model, mode and duration go back to what Settings ▸ New documents says. */
export function applyNewDocumentDefaults(): void {
  const defaults = useSettings.getState().state?.preferences.newDocument;
  if (defaults) useComposer.getState().update({ model: defaults.model, mode: defaults.mode, duration: defaults.duration });
}
