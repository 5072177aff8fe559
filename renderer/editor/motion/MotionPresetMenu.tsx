// "Motion preset": a menu button that lays a ready-made path from the selected moving area's centre, and the dial
// that aims it. Keyboard: Enter / Space / ↓ opens the menu, ↑ ↓ Home End move, Enter picks, Esc closes.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { MOTION_PRESETS } from '../../../shared/editor/motion-presets';
import { getCommand, runCommand } from '../../commands/registry';
import type { Area, EditorDocument } from '../model/document';
import { presetCommandId } from './commands';
import { DirectionDial } from './DirectionDial';
import { presetBlocker, presetMessage, usePresets } from './presets';
import './motion.css';

export function MotionPresetMenu({ doc, area }: { doc: EditorDocument; area: Area }) {
  const [menuOpen, setOpen] = useState(false);
  const blocker = presetBlocker(doc, area);
  // A blocked area (nothing painted yet, e.g. after an undo) cannot keep a menu open.
  const open = menuOpen && blocker === null;
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  usePresets((s) => s.messages);
  const message = presetMessage(doc, area.id);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (e: PointerEvent) => {
      const target = e.target instanceof Node ? e.target : null;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') focus(at + 1);
    else if (e.key === 'ArrowUp') focus(at - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(items.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    // Handled here: not an editor shortcut too (Esc would also cancel a tool, arrows would scroll the panel).
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="mp">
      <div className="mp__row">
        <div className="mp__anchor">
          <button
            ref={button}
            type="button"
            className="ed-button mp__button"
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls={open ? menuId : undefined}
            disabled={blocker !== null}
            title={blocker ?? 'Lay a ready-made path from the area’s centre, sized to the area'}
            onClick={() => setOpen(!open)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && !open) {
                e.preventDefault();
                setOpen(true);
              }
            }}
          >
            Motion preset <span aria-hidden="true">▾</span>
          </button>
          {open && (
            <div ref={menu} id={menuId} role="menu" aria-label="Motion preset" className="mp__menu" onKeyDown={onMenuKey}>
              {MOTION_PRESETS.map((p) => {
                const id = presetCommandId(p.kind);
                return (
                  <button
                    key={p.kind}
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className="mp__item"
                    disabled={!getCommand(id)?.enabled()}
                    onClick={() => {
                      close(false);
                      runCommand(id);
                    }}
                  >
                    <span className="mp__item-label">{p.label}</span>
                    <span className="mp__item-text">{p.description}</span>
                  </button>
                );
              })}
            </div>
          )}
        </div>
        <DirectionDial disabled={blocker !== null} />
      </div>
      {blocker ? (
        <p className="ed-note">{blocker}</p>
      ) : (
        message && (
          <p className={`ed-note mp__status ${message.tone === 'problem' ? 'mp__status--problem' : ''}`} role="status">
            {message.text}
          </p>
        )
      )}
    </div>
  );
}
