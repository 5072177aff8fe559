import { create } from 'zustand';
import type { ProfilesState } from '../../shared/ipc/contract';
import { studio, unwrap } from '../api';
import { useProvider } from './provider';

interface ProfilesStore {
  state?: ProfilesState;
  settingsOpen: boolean;
  load(): Promise<void>;
  set(state: ProfilesState): void;
  openSettings(open: boolean): void;
}

export const useProfiles = create<ProfilesStore>((set) => ({
  settingsOpen: false,
  async load() {
    set({ state: await unwrap(studio.profiles.list({})) });
  },
  set(state) {
    set({ state });
    // The top bar shows where generations go; it changes with the current profile.
    void unwrap(studio.provider.status({})).then((s) => useProvider.getState().set(s), () => undefined);
  },
  openSettings: (settingsOpen) => set({ settingsOpen }),
}));
