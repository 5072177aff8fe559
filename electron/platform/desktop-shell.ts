// Electron's side of DesktopShell: the real trash, file manager and save dialog.
import type { BrowserWindow} from 'electron';
import { dialog, shell } from 'electron';
import type { DesktopShell } from '../desktop/desktop-shell';

export function electronDesktopShell(window: () => BrowserWindow | undefined): DesktopShell {
  return {
    trash: (path) => shell.trashItem(path),
    reveal: (path) => shell.showItemInFolder(path),
    async chooseSavePath(suggestedName, filters) {
      const owner = window();
      const options = { defaultPath: suggestedName, ...(filters ? { filters } : {}) };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
  };
}
