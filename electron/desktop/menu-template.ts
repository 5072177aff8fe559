// The application menu as plain data, built from the renderer's command registry: File, Edit, View, Generation,
// Window, Help (and the app menu on macOS). Pure, so it is tested without Electron; electron/platform/window-shell.ts
// turns it into a native Menu.
import { REDO_COMMAND, UNDO_COMMAND, type MenuCommand, type MenuName, type MenuState } from '../../shared/desktop/menu';

/** Electron's menu roles this app uses (the standard behaviour of each platform, done by Electron). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'reload'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front';

export type MenuEntry =
  | {
      kind: 'command';
      /** The command's id in the renderer's registry; a click runs it there. */
      id: string;
      label: string;
      accelerator?: string;
      /**
       * False: the shortcut is shown but left to the page. The renderer's registry handles every shortcut itself
       * (one dispatcher, one enabled state); a key registered here too could fire twice, and a plain key (B, Delete)
       * would be taken from text fields.
       */
      registerAccelerator: boolean;
      enabled: boolean;
    }
  | { kind: 'role'; role: MenuRole; label?: string }
  | { kind: 'separator' };

export interface TopMenu {
  label: string;
  /** macOS gives the Help menu its search field, and the Window menu its list of windows, by these roles. */
  role?: 'help' | 'window';
  items: MenuEntry[];
}

export interface MenuEnvironment {
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and developer tools, for development builds only. */
  developer: boolean;
}

const KEY_NAMES: Record<string, string> = {
  Enter: 'Enter',
  Escape: 'Esc',
  Delete: 'Delete',
  Backspace: 'Backspace',
  Space: 'Space',
  Tab: 'Tab',
  '+': 'Plus',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
};

/** The registry's `Mod+Shift+Z` as Electron's accelerator `CmdOrCtrl+Shift+Z`; undefined for a key it cannot name. */
export function acceleratorFor(shortcut: string): string | undefined {
  // The key is what follows the modifiers, so `Mod++` is Ctrl and the + key.
  const match = /^((?:(?:Mod|Shift|Alt)\+)*)(.+)$/.exec(shortcut);
  if (!match) return undefined;
  const modifiers = (match[1] ?? '').split('+').filter(Boolean).map((m) => (m === 'Mod' ? 'CmdOrCtrl' : m));
  const key = match[2] ?? '';
  const name = KEY_NAMES[key] ?? (/^[a-z]$/i.test(key) ? key.toUpperCase() : /^(F\d{1,2}|[0-9]|[!-/:-@[-`{-~])$/.test(key) ? key : undefined);
  return name ? [...modifiers, name].join('+') : undefined;
}

const hasModifier = (accelerator: string) => /(^|\+)(CmdOrCtrl|Alt)\+/.test(accelerator);

function commandEntry(c: MenuCommand, env: MenuEnvironment, state: MenuState): MenuEntry {
  const routesToText = c.id === UNDO_COMMAND || c.id === REDO_COMMAND;
  const accelerator = c.shortcut ? acceleratorFor(c.shortcut) : undefined;
  const mac = env.platform === 'darwin';
  // macOS always registers a menu item's key equivalent, so a plain key (B, Delete) would be taken from text fields:
  // it is left off there. Elsewhere it is shown and left to the page.
  const shown = accelerator && (!mac || hasModifier(accelerator)) ? accelerator : undefined;
  return {
    kind: 'command',
    id: c.id,
    label: c.label,
    ...(shown ? { accelerator: shown } : {}),
    // On macOS, Cmd+Z in a text field reaches the page's field only through the Edit menu (the page gets the key
    // first and leaves it alone there): those two stay registered so the click can route it to the field.
    registerAccelerator: mac && routesToText,
    enabled: c.enabled || (routesToText && state.textFocus),
  };
}

/** Group a menu's commands by the id's prefix (`frame.…`, `editor.area.…`), a separator between groups. */
function commandsOf(menu: MenuName, state: MenuState, env: MenuEnvironment, skip: Set<string>): MenuEntry[] {
  const out: MenuEntry[] = [];
  let group: string | undefined;
  for (const c of state.commands) {
    if (c.menu !== menu || skip.has(c.id)) continue;
    const prefix = c.id.slice(0, c.id.lastIndexOf('.'));
    if (group !== undefined && prefix !== group) out.push({ kind: 'separator' });
    group = prefix;
    out.push(commandEntry(c, env, state));
  }
  return out;
}

/** Join sections with one separator between non-empty ones. */
function sections(...parts: MenuEntry[][]): MenuEntry[] {
  return parts.filter((p) => p.length > 0).flatMap((p, i) => (i === 0 ? p : [{ kind: 'separator' as const }, ...p]));
}

const SETTINGS_COMMAND = 'settings.open';

export function buildMenuTemplate(state: MenuState, env: MenuEnvironment): TopMenu[] {
  const mac = env.platform === 'darwin';
  const byId = new Map(state.commands.map((c) => [c.id, c]));
  const settings = byId.get(SETTINGS_COMMAND);
  const settingsEntry = settings ? [commandEntry(settings, env, state)] : [];
  const undoRedo = [UNDO_COMMAND, REDO_COMMAND].flatMap((id) => {
    const c = byId.get(id);
    return c ? [commandEntry(c, env, state)] : [];
  });
  // Commands placed by hand (Settings goes to the app menu on macOS, Undo/Redo head the Edit menu).
  const placed = new Set([SETTINGS_COMMAND, UNDO_COMMAND, REDO_COMMAND]);
  const role = (r: MenuRole, label?: string): MenuEntry => ({ kind: 'role', role: r, ...(label ? { label } : {}) });

  const menus: TopMenu[] = [];
  if (mac) {
    menus.push({
      label: env.appName,
      items: sections(
        [role('about', `About ${env.appName}`)],
        settingsEntry,
        [role('services')],
        [role('hide', `Hide ${env.appName}`), role('hideOthers'), role('unhide')],
        [role('quit', `Quit ${env.appName}`)],
      ),
    });
  }
  menus.push({
    label: mac ? 'File' : '&File',
    items: sections(commandsOf('file', state, env, placed), mac ? [] : settingsEntry, [mac ? role('close', 'Close Window') : role('quit', 'Quit')]),
  });
  menus.push({
    label: mac ? 'Edit' : '&Edit',
    items: sections(undoRedo, [role('cut'), role('copy'), role('paste'), role('selectAll')], commandsOf('edit', state, env, placed)),
  });
  menus.push({
    label: mac ? 'View' : '&View',
    items: sections(
      commandsOf('view', state, env, placed),
      [role('togglefullscreen')],
      env.developer ? [role('reload'), role('toggleDevTools')] : [],
    ),
  });
  menus.push({ label: mac ? 'Generation' : '&Generation', items: commandsOf('generation', state, env, placed) });
  menus.push({
    label: mac ? 'Window' : '&Window',
    ...(mac ? { role: 'window' as const } : {}),
    items: sections(
      mac ? [role('minimize'), role('zoom')] : [role('minimize')],
      commandsOf('window', state, env, placed),
      mac ? [role('front')] : [role('close')],
    ),
  });
  menus.push({
    label: mac ? 'Help' : '&Help',
    role: 'help',
    items: sections(commandsOf('help', state, env, placed), mac ? [] : [role('about', `About ${env.appName}`)]),
  });
  return menus;
}
