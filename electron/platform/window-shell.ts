// Electron's side of WindowShell: the native application menu, notifications, the badge, the taskbar progress bar,
// focus and the native theme. Every decision is made by the plain-Node services; this only carries it out.
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { app, Menu, nativeImage, nativeTheme, Notification } from 'electron';
import type { MenuEntry, TopMenu } from '../desktop/menu-template';
import type { WindowShell } from '../desktop/window-shell';

/** A 16 px accent dot: Windows shows a badge only as an overlay icon on the taskbar button, not as a number. */
function overlayDot(): Electron.NativeImage {
  const size = 16;
  const bgra = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const d = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
      const alpha = Math.max(0, Math.min(1, size / 2 - d));
      const i = (y * size + x) * 4;
      bgra.set([0xff, 0x6c, 0x7c, Math.round(alpha * 255)], i); // #7c6cff, the accent
    }
  }
  return nativeImage.createFromBitmap(bgra, { width: size, height: size });
}

export function menuItems(entries: MenuEntry[], onCommand: (id: string) => void): MenuItemConstructorOptions[] {
  return entries.map((e): MenuItemConstructorOptions => {
    if (e.kind === 'separator') return { type: 'separator' };
    if (e.kind === 'role') return { role: e.role, ...(e.label ? { label: e.label } : {}) };
    return {
      label: e.label,
      ...(e.accelerator ? { accelerator: e.accelerator } : {}),
      registerAccelerator: e.registerAccelerator,
      enabled: e.enabled,
      click: () => onCommand(e.id),
    };
  });
}

export function electronWindowShell(window: () => BrowserWindow | undefined): WindowShell {
  // Notifications are kept until clicked or closed: one collected by the garbage collector loses its click handler.
  const shown = new Set<Notification>();
  let dot: Electron.NativeImage | undefined;
  return {
    setMenu(menus: TopMenu[], onCommand) {
      const template = menus.map((m): MenuItemConstructorOptions => ({
        label: m.label,
        ...(m.role ? { role: m.role } : {}),
        submenu: menuItems(m.items, onCommand),
      }));
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    },
    editText(action) {
      const contents = window()?.webContents;
      if (action === 'undo') contents?.undo();
      else contents?.redo();
    },
    isFocused: () => window()?.isFocused() ?? false,
    focus() {
      const w = window();
      if (!w) return;
      if (w.isMinimized()) w.restore();
      w.show();
      w.focus();
    },
    notify({ title, body }, onClick) {
      if (!Notification.isSupported()) return;
      const note = new Notification({ title, body });
      shown.add(note);
      note.on('click', () => {
        shown.delete(note);
        onClick();
      });
      note.on('close', () => shown.delete(note));
      note.show();
    },
    setBadgeCount(count) {
      // macOS dock and Linux launchers (Unity API) show the number; Windows has no count, only an overlay icon.
      if (process.platform === 'win32') {
        const w = window();
        if (!w) return;
        dot ??= overlayDot();
        w.setOverlayIcon(count > 0 ? dot : null, count > 0 ? `${count} generation${count === 1 ? '' : 's'} in progress` : '');
      } else {
        app.setBadgeCount(count);
      }
    },
    setProgress(fraction) {
      window()?.setProgressBar(fraction === undefined ? -1 : Math.max(0, Math.min(1, fraction)));
    },
    setTheme(theme) {
      nativeTheme.themeSource = theme;
    },
  };
}
