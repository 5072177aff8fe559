// An image the app was launched with (command line, "Open with Kling Studio", a second launch): it becomes the start
// frame, through the same checks as a dropped file, in the Create view. Main holds a launch's file until the window
// says it listens (app.ready), so one given before the page loaded is not lost.
import { useEffect } from 'react';
import { studio } from '../api';
import { acceptFrameFile } from '../composer/accept-file';
import { useView } from '../store/view';

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  bmp: 'image/bmp',
  gif: 'image/gif',
};

export function useOpenedFiles(): void {
  useEffect(() => {
    const unsubscribe = studio.on('app.openFile', ({ fileName, bytes }) => {
      const type = TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? '';
      useView.getState().show('create');
      void acceptFrameFile(new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type }), 'start');
    });
    void studio.app.ready({});
    return unsubscribe;
  }, []);
}
