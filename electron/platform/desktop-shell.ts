// Electron's side of DesktopShell: the real trash, file manager and save dialog.
import type { BrowserWindow } from 'electron';
import { dialog, shell } from 'electron';
import { allowedExternalUrl } from '../../shared/security/external-links';
import type { DesktopShell } from '../desktop/desktop-shell';

export function electronDesktopShell(window: () => BrowserWindow | undefined): DesktopShell {
  return {
    trash: (path) => shell.trashItem(path),
    reveal: (path) => shell.showItemInFolder(path),
    async openInBrowser(url) {
      // Checked again here, next to the call, so no caller can hand the browser (or the OS's URL handlers) anything else.
      const allowed = allowedExternalUrl(url);
      if (!allowed) throw new Error('Only https links to Kling’s documentation and console are opened');
      await shell.openExternal(allowed); // eng-disable OPEN_EXTERNAL_JS_CHECK: `allowed` passed the https allow-list just above
    },
    async chooseFolder(title) {
      const owner = window();
      const options: Electron.OpenDialogOptions = { title, buttonLabel: 'Choose', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseSavePath(suggestedName, filters) {
      const owner = window();
      const options = { defaultPath: suggestedName, ...(filters ? { filters } : {}) };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
  };
}
