// The application menu is built from the renderer's command registry: every command tagged with a menu appears there
// with its label, its shortcut as an accelerator and its enabled state, under the platform's conventions.
import { describe, expect, it } from 'vitest';
import type { MenuCommand, MenuState } from '../../shared/desktop/menu';
import { acceleratorFor, buildMenuTemplate, type MenuEntry, type TopMenu } from './menu-template';

const cmd = (id: string, menu: MenuCommand['menu'], shortcut?: string, enabled = true): MenuCommand => ({
  id,
  label: id,
  menu,
  enabled,
  ...(shortcut ? { shortcut } : {}),
});

const COMMANDS: MenuCommand[] = [
  cmd('frame.open', 'file', 'Mod+O'),
  cmd('frame.openEnd', 'file', 'Mod+Shift+O'),
  cmd('editor.new', 'file'),
  cmd('settings.open', 'file', 'Mod+,'),
  cmd('editor.undo', 'edit', 'Mod+Z', false),
  cmd('editor.redo', 'edit', 'Mod+Shift+Z', false),
  cmd('frame.swap', 'edit'),
  cmd('editor.area.fill', 'edit'),
  cmd('editor.area.invert', 'edit'),
  cmd('editor.view.fit', 'view', 'Mod+0'),
  cmd('editor.view.zoom-in', 'view', '+'),
  cmd('generation.submit', 'generation', 'Mod+Enter', false),
  cmd('editor.help', 'help', '?'),
];
const state = (over: Partial<MenuState> = {}): MenuState => ({ commands: COMMANDS, textFocus: false, ...over });
const linux = { platform: 'linux' as const, appName: 'Kling Studio', developer: false };
const mac = { ...linux, platform: 'darwin' as const };

const labels = (menus: TopMenu[]) => menus.map((m) => m.label.replace('&', ''));
const menuNamed = (menus: TopMenu[], label: string) => menus.find((m) => m.label.replace('&', '') === label)?.items ?? [];
const item = (menus: TopMenu[], id: string) =>
  menus.flatMap((m) => m.items).find((i): i is Extract<MenuEntry, { kind: 'command' }> => i.kind === 'command' && i.id === id);
const shape = (items: MenuEntry[]) => items.map((i) => (i.kind === 'command' ? i.id : i.kind === 'role' ? `role:${i.role}` : '---'));

describe('acceleratorFor', () => {
  it('turns the registry’s shortcuts into Electron accelerators', () => {
    expect(acceleratorFor('Mod+O')).toBe('CmdOrCtrl+O');
    expect(acceleratorFor('Mod+Shift+z')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorFor('Mod+,')).toBe('CmdOrCtrl+,');
    expect(acceleratorFor('Mod+Enter')).toBe('CmdOrCtrl+Enter');
    expect(acceleratorFor('Mod+0')).toBe('CmdOrCtrl+0');
    expect(acceleratorFor('+')).toBe('Plus');
    expect(acceleratorFor('Mod++')).toBe('CmdOrCtrl+Plus');
    expect(acceleratorFor('-')).toBe('-');
    expect(acceleratorFor('?')).toBe('?');
    expect(acceleratorFor('[')).toBe('[');
    expect(acceleratorFor('Escape')).toBe('Esc');
    expect(acceleratorFor('Delete')).toBe('Delete');
    expect(acceleratorFor('Alt+F4')).toBe('Alt+F4');
  });

  it('names no accelerator for what it does not know, rather than a wrong one', () => {
    expect(acceleratorFor('Ctrl+Hyper+X')).toBeUndefined();
    expect(acceleratorFor('MediaPlay')).toBeUndefined();
  });
});

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Generation, Window and Help, and the app menu first on macOS', () => {
    expect(labels(buildMenuTemplate(state(), linux))).toEqual(['File', 'Edit', 'View', 'Generation', 'Window', 'Help']);
    expect(labels(buildMenuTemplate(state(), mac))).toEqual(['Kling Studio', 'File', 'Edit', 'View', 'Generation', 'Window', 'Help']);
  });

  it('puts each command in its menu, grouped by id with separators, with its label and enabled state', () => {
    const menus = buildMenuTemplate(state(), linux);
    expect(shape(menuNamed(menus, 'File'))).toEqual(['frame.open', 'frame.openEnd', '---', 'editor.new', '---', 'settings.open', '---', 'role:quit']);
    expect(shape(menuNamed(menus, 'Edit'))).toEqual([
      'editor.undo',
      'editor.redo',
      '---',
      'role:cut',
      'role:copy',
      'role:paste',
      'role:selectAll',
      '---',
      'frame.swap',
      '---',
      'editor.area.fill',
      'editor.area.invert',
    ]);
    expect(shape(menuNamed(menus, 'Generation'))).toEqual(['generation.submit']);
    expect(item(menus, 'generation.submit')).toMatchObject({ label: 'generation.submit', enabled: false, accelerator: 'CmdOrCtrl+Enter' });
    expect(shape(menuNamed(menus, 'Help'))).toEqual(['editor.help', '---', 'role:about']);
  });

  it('a command without a menu is not in it', () => {
    const menus = buildMenuTemplate(state({ commands: [...COMMANDS, { id: 'card.play', label: 'Play', enabled: true } as unknown as MenuCommand] }), linux);
    expect(item(menus, 'card.play')).toBeUndefined();
  });

  it('on macOS, Settings and Quit live in the app menu, and File ends with Close Window', () => {
    const menus = buildMenuTemplate(state(), mac);
    expect(shape(menuNamed(menus, 'Kling Studio'))).toEqual([
      'role:about',
      '---',
      'settings.open',
      '---',
      'role:services',
      '---',
      'role:hide',
      'role:hideOthers',
      'role:unhide',
      '---',
      'role:quit',
    ]);
    expect(shape(menuNamed(menus, 'File'))).toEqual(['frame.open', 'frame.openEnd', '---', 'editor.new', '---', 'role:close']);
    expect(menus.find((m) => m.label === 'Window')?.role).toBe('window');
    expect(menus.find((m) => m.label === 'Help')?.role).toBe('help');
  });

  it('leaves every shortcut to the page on Linux and Windows (shown, not registered)', () => {
    const menus = buildMenuTemplate(state(), linux);
    expect(item(menus, 'frame.open')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
    expect(item(menus, 'editor.view.zoom-in')).toMatchObject({ accelerator: 'Plus', registerAccelerator: false });
  });

  it('on macOS shows no plain-key accelerator, which would take the key from text fields', () => {
    const menus = buildMenuTemplate(state(), mac);
    expect(item(menus, 'editor.view.zoom-in')?.accelerator).toBeUndefined();
    expect(item(menus, 'editor.help')?.accelerator).toBeUndefined();
    expect(item(menus, 'editor.view.fit')?.accelerator).toBe('CmdOrCtrl+0');
  });

  it('Undo and Redo are enabled while a text field has the focus, for its typing', () => {
    expect(item(buildMenuTemplate(state(), linux), 'editor.undo')?.enabled).toBe(false);
    expect(item(buildMenuTemplate(state({ textFocus: true }), linux), 'editor.undo')?.enabled).toBe(true);
    expect(item(buildMenuTemplate(state({ textFocus: true }), linux), 'editor.redo')?.enabled).toBe(true);
    // On macOS a field's Cmd+Z reaches it only through the menu, so the accelerator stays registered there.
    expect(item(buildMenuTemplate(state(), mac), 'editor.undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: true });
  });

  it('has developer items only in development', () => {
    expect(shape(menuNamed(buildMenuTemplate(state(), linux), 'View'))).not.toContain('role:toggleDevTools');
    expect(shape(menuNamed(buildMenuTemplate(state(), { ...linux, developer: true }), 'View'))).toContain('role:toggleDevTools');
  });

  it('before the page has said anything, the standard menus are there', () => {
    const menus = buildMenuTemplate({ commands: [], textFocus: false }, linux);
    expect(shape(menuNamed(menus, 'Edit'))).toEqual(['role:cut', 'role:copy', 'role:paste', 'role:selectAll']);
    expect(shape(menuNamed(menus, 'File'))).toEqual(['role:quit']);
  });
});
