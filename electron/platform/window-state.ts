// Remember where the person left the window. Only small settings live in electron-store.
import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';

export interface WindowState {
  bounds?: Rectangle;
  maximized?: boolean;
}

export interface WindowStateStore {
  get(): WindowState;
  set(state: WindowState): void;
}

const DEFAULT_SIZE = { width: 1360, height: 860 };

/** Saved bounds are used only if they still overlap a connected display (a monitor may have been unplugged). */
export function initialBounds(saved: WindowState): Partial<Rectangle> & { width: number; height: number } {
  const b = saved.bounds;
  if (!b) return DEFAULT_SIZE;
  const visible = screen.getAllDisplays().some(({ workArea: a }) => b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y);
  return visible ? b : { width: b.width, height: b.height };
}

export function trackWindowState(win: BrowserWindow, store: WindowStateStore): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    store.set({ bounds: win.isMaximized() ? (store.get().bounds ?? win.getBounds()) : win.getBounds(), maximized: win.isMaximized() });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
