// Which view of the one window is shown (view state, never document state): Create (composer + editor), Library
// (the full-window gallery) or Settings. Tabs, menu items and shortcuts switch it through the command registry.
import { create } from 'zustand';

export type ViewName = 'create' | 'library' | 'settings';

export interface ViewState {
  view: ViewName;
  /** The view to go back to when Settings closes. */
  previous: Exclude<ViewName, 'settings'>;
  show(view: ViewName): void;
}

export const useView = create<ViewState>((set, get) => ({
  view: 'create',
  previous: 'create',
  show(view) {
    const current = get().view;
    set({ view, previous: current === 'settings' ? get().previous : current });
  },
}));
