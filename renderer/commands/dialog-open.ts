// Commands are off while a modal <dialog> is open (they read `dialog[open]` when asked, see ../editor/commands.ts), and
// a button shows `enabled()` as it was at its last render. A button rendered while a dialog was open (a window resize
// refits the picture and redraws the zoom bar, a draft save redraws the toolbar) stayed off after the dialog closed,
// until something else redrew it. Whatever shows an enabled state subscribes here and is redrawn when any dialog
// opens or closes, whichever component owns it. One observer for all subscribers; `open` is the attribute
// showModal() and close() set and remove.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let observer: MutationObserver | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const l of listeners) l();
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['open'] });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    observer?.disconnect();
    observer = null;
  };
}

const anyDialogOpen = (): boolean => document.querySelector('dialog[open]') !== null;

/** Whether a dialog is open; the component re-renders when that changes. */
export function useAnyDialogOpen(): boolean {
  return useSyncExternalStore(subscribe, anyDialogOpen);
}
