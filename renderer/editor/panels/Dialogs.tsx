// The shortcuts list (generated from the command registry) and the "New" confirmation, as modal <dialog>s.
import { useEffect, useRef, type ReactNode } from 'react';
import { listCommands, shortcutLabel } from '../../commands/registry';
import { discardDocument } from '../session';
import { applyNewDocumentDefaults } from '../../store/settings';
import { useEditor } from '../store';

export function Modal({ open, label, role, onClose, children }: { open: boolean; label: string; role?: 'alertdialog'; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // showModal focuses the first focusable element (React's autoFocus ran while the dialog was still closed):
      // the button marked data-autofocus takes the focus instead, e.g. Close rather than the scrollable shortcut list.
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="ed-dialog" aria-label={label} role={role} onClose={onClose}>
      {open && children}
    </dialog>
  );
}

/** Pointer gestures have no command; they are listed with the keys. */
const GESTURES: [string, string][] = [
  ['Space + drag', 'Pan'],
  ['Middle-button drag', 'Pan'],
  ['Wheel', 'Zoom towards the pointer'],
  ['Double-click', 'Finish a clicked path'],
];

export function ShortcutsDialog() {
  const open = useEditor((s) => s.dialog === 'shortcuts');
  const close = () => useEditor.setState({ dialog: null });
  // One row per action: Redo has two shortcuts, and so on.
  const rows = new Map<string, string[]>();
  if (open) {
    for (const c of listCommands()) {
      if (!c.shortcut) continue;
      const keys = rows.get(c.label) ?? [];
      keys.push(shortcutLabel(c.shortcut));
      rows.set(c.label, keys);
    }
  }
  return (
    <Modal open={open} label="Keyboard shortcuts" onClose={close}>
      <div className="ed-dialog__body">
        <h2 className="ed-dialog__title">Keyboard shortcuts</h2>
        {/* A short window scrolls the list alone: the title and Close stay in sight. Focusable, so the keys scroll it. */}
        <div className="ed-dialog__scroll" role="group" aria-label="Shortcut list" tabIndex={0}>
          <dl className="ed-shortcuts">
            {[...rows, ...GESTURES.map(([keys, what]) => [what, [keys]] as const)].map(([what, keys]) => (
              <div key={`${what}|${keys.join()}`} className="ed-shortcuts__row">
                <dt>
                  {keys.map((k) => (
                    <kbd key={k} className="kbd">
                      {k}
                    </kbd>
                  ))}
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="ed-dialog__actions">
          <button type="button" className="button" onClick={close} data-autofocus>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}

export function NewDocumentDialog() {
  const open = useEditor((s) => s.dialog === 'new');
  const close = () => useEditor.setState({ dialog: null });
  return (
    <Modal open={open} label="Discard this draft?" role="alertdialog" onClose={close}>
      <div className="ed-dialog__body">
        <h2 className="ed-dialog__title">Discard this draft?</h2>
        <p className="ed-note">
          Every painted area and path on this start frame will be removed, and the model, mode and duration go back to those
          of Settings ▸ New documents. This cannot be undone.
        </p>
        <div className="ed-dialog__actions">
          <button type="button" className="button" onClick={close} data-autofocus>
            Keep painting
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              close();
              void discardDocument();
              applyNewDocumentDefaults();
            }}
          >
            Discard
          </button>
        </div>
      </div>
    </Modal>
  );
}
