// One registry of commands feeds the toolbar buttons, their tooltips, the keyboard shortcuts and the application
// menu (commands/menu-sync.ts), so a shortcut shown in a tooltip or a menu is always the one that works.
import type { MenuName } from '../../shared/desktop/menu';
import { useView } from '../store/view';

export type { MenuName };

export interface Command {
  id: string;
  label: string;
  /** e.g. `Mod+O`, `Mod+Enter`, `Escape`; Mod is Ctrl, or ⌘ on macOS. */
  shortcut?: string;
  /**
   * The application menu that lists this command (built from this registry in main, so a menu item, its shortcut and
   * its button are one command with one enabled state). Left out: not in the menu (e.g. single-key tool shortcuts
   * are, but a card's own buttons are not).
   */
  menu?: MenuName;
  enabled(): boolean;
  run(): void;
}

const commands = new Map<string, Command>();
const watchers = new Set<() => void>();
const changed = () => {
  for (const w of watchers) w();
};

export function registerCommands(list: Command[]): () => void {
  for (const c of list) commands.set(c.id, c);
  changed();
  return () => {
    for (const c of list) if (commands.get(c.id) === c) commands.delete(c.id);
    changed();
  };
}

/** Hear when commands come and go (the application menu is rebuilt from them). */
export function watchCommands(listener: () => void): () => void {
  watchers.add(listener);
  return () => void watchers.delete(listener);
}

export function getCommand(id: string): Command | undefined {
  return commands.get(id);
}

/** Every registered command, in registration order (the shortcuts dialog lists them). */
export function listCommands(): Command[] {
  return [...commands.values()];
}

/**
 * Whether the work (the Create and Library views) is in front: no modal dialog open, and Settings not shown. Settings
 * takes the work view's place as a modal dialog covers it, so every command that changes the work (open, paste, swap
 * or remove a frame, generate, and the editor's commands, Undo and New among them) is off while either shows: a
 * change made there would happen out of sight. Commands read it in `enabled`, so the shortcut, the menu item and the
 * button agree.
 */
export function workInFront(): boolean {
  return !document.querySelector('dialog[open]') && useView.getState().view !== 'settings';
}

export function runCommand(id: string): boolean {
  const c = commands.get(id);
  if (!c || !c.enabled()) return false;
  c.run();
  return true;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

const KEY_SIGNS: Record<string, string> = { Enter: '↵', ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

export function shortcutLabel(shortcut: string): string {
  return shortcut
    .split('+')
    .map((k) => (k === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : (KEY_SIGNS[k] ?? k)))
    .join(isMac ? '' : '+');
}

export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1] ?? '';
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  const alt = parts.includes('Alt');
  const modDown = isMac ? event.metaKey : event.ctrlKey;
  // A symbol such as `?` or `+` needs Shift on some layouts and not on others: its key value is what counts.
  const symbol = key.length === 1 && !/[a-z0-9]/i.test(key);
  return (
    modDown === mod &&
    (symbol || event.shiftKey === shift) &&
    event.altKey === alt &&
    event.key.toLowerCase() === (key === 'Space' ? ' ' : key.toLowerCase())
  );
}

/** A field that takes typing (and has its own undo for it). */
export function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement) return true;
  return t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(t.type);
}

/** Typing in a field: plain keys (letters, Delete, Enter…) belong to the field, not to shortcuts. */
function isTyping(event: KeyboardEvent): boolean {
  return isTextField(event.target) || event.target instanceof HTMLSelectElement;
}

/** Dispatch a keydown to the first enabled command whose shortcut matches. */
export function handleShortcut(event: KeyboardEvent): boolean {
  const plain = !(isMac ? event.metaKey : event.ctrlKey) && !event.altKey;
  if (plain && isTyping(event)) return false;
  // A text field has its own undo for what is typed in it: Ctrl+Z there must not undo a brush stroke or a frame.
  if (isTyping(event) && ['z', 'y'].includes(event.key.toLowerCase())) return false;
  for (const c of commands.values()) {
    if (c.shortcut && matchesShortcut(event, c.shortcut) && c.enabled()) {
      event.preventDefault();
      c.run();
      return true;
    }
  }
  return false;
}
