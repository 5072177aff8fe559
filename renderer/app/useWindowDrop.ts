// A file dropped anywhere on the window becomes the start frame: the drop target is the whole app, not a small box.
// Dropped onto a frame slot, it goes into that slot. Not while Settings or a dialog is in front (commands/registry.ts,
// workInFront): the frame would change out of sight, so no veil shows, the pointer says no, and a drop does nothing.
import { useEffect, useState } from 'react';
import { workInFront } from '../commands/registry';
import { acceptFrameFile } from '../composer/accept-file';
import { frameSlotAt } from '../composer/frames/slot-target';

export function useWindowDrop(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setDragging(workInFront());
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Taken even when refused: left to the browser, a dropped file would replace the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = workInFront() ? 'copy' : 'none';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      // Without preventDefault the browser would navigate to the file and the app would be gone.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file && workInFront()) void acceptFrameFile(file, frameSlotAt(e.target) ?? 'start');
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
