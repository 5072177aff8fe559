import { create } from 'zustand';
import type { ProfilesState } from '../../shared/ipc/contract';
import { studio, unwrap } from '../api';
import { useProvider } from './provider';
import { useView } from './view';

interface ProfilesStore {
  state?: ProfilesState;
  load(): Promise<void>;
  set(state: ProfilesState): void;
  /** Show the Settings view, or go back to the view it was opened from. */
  openSettings(open: boolean): void;
}

export const useProfiles = create<ProfilesStore>((set) => ({
  async load() {
    set({ state: await unwrap(studio.profiles.list({})) });
  },
  set(state) {
    set({ state });
    // The top bar shows where generations go; it changes with the current profile.
    void unwrap(studio.provider.status({})).then((s) => useProvider.getState().set(s), () => undefined);
  },
  openSettings: (open) => {
    const view = useView.getState();
    view.show(open ? 'settings' : view.previous);
  },
}));
