// Ctrl+V with an image on the clipboard: into the end slot when focus is inside it, else into the start slot. Uses
// the DOM `paste` event's clipboardData, which needs no clipboard permission (navigator.clipboard.read would).
import { useEffect } from 'react';
import { workInFront } from '../../commands/registry';
import { acceptFrameFile } from '../accept-file';
import { frameSlotAt } from './slot-target';

/** Where a paste belongs to a control itself (text fields) or to an open dialog, not to the frames. */
const OWN_PASTE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog';

export function usePasteFrame(): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target instanceof Element ? event.target : document.activeElement;
      // Behind Settings the frame would change out of sight (commands/registry.ts, workInFront).
      if (target?.closest(OWN_PASTE) || !workInFront()) return;
      const file = imageFileOf(event.clipboardData);
      if (!file) return;
      event.preventDefault();
      void acceptFrameFile(file, frameSlotAt(document.activeElement) ?? 'start');
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}

function imageFileOf(data: DataTransfer | null): File | undefined {
  if (!data) return undefined;
  const files = Array.from(data.files);
  const file = files.find((f) => f.type.startsWith('image/')) ?? files[0];
  if (file) return file;
  for (const item of Array.from(data.items)) {
    if (item.kind === 'file') {
      const f = item.getAsFile();
      if (f) return f;
    }
  }
  return undefined;
}
