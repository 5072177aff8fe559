// Saving what the page made (an area's mask, exactly as Generate would send it) where the person chooses: main asks
// through the desktop's save dialog (electron/platform/desktop-shell.ts in the app, the recording stand-in in tests)
// and writes the file; the page never learns more of the disk than the path it was saved to.
import { writeFile } from 'node:fs/promises';
import type { DesktopShell } from '../desktop/desktop-shell';
import { UserFacingError } from './user-facing-error';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function saveImageHandlers(deps: { desktop: DesktopShell }) {
  return {
    'app:saveImage': async ({ name, png }: { name: string; png: Uint8Array }): Promise<string | null> => {
      if (!PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new UserFacingError('invalid-input', 'Only PNG images are saved here.');
      const target = await deps.desktop.chooseSavePath(name, [{ name: 'PNG image', extensions: ['png'] }]);
      if (!target) return null;
      await writeFile(target, png);
      return target;
    },
  };
}
