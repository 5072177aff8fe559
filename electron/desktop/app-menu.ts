// The application menu's state in main: what the renderer last said about its commands, rebuilt into the native menu
// when it changes. A click runs the command in the renderer, except Undo/Redo while a text field has the focus,
// which act on its typing as Electron's standard Edit roles do.
import { REDO_COMMAND, UNDO_COMMAND, type MenuState } from '../../shared/desktop/menu';
import { buildMenuTemplate, type MenuEnvironment } from './menu-template';
import type { WindowShell } from './window-shell';

export interface AppMenuDeps {
  shell: WindowShell;
  env: MenuEnvironment;
  /** Run a command of the renderer's registry (an event to the window). */
  run(id: string): void;
}

export interface AppMenu {
  update(state: MenuState): void;
  state(): MenuState;
}

export function createAppMenu(deps: AppMenuDeps): AppMenu {
  let state: MenuState = { commands: [], textFocus: false };
  let shown = '';
  const onCommand = (id: string) => {
    if (state.textFocus && (id === UNDO_COMMAND || id === REDO_COMMAND)) deps.shell.editText(id === UNDO_COMMAND ? 'undo' : 'redo');
    else deps.run(id);
  };
  const render = () => {
    const menus = buildMenuTemplate(state, deps.env);
    // Rebuilding a native menu is not free, and the renderer reports on every focus change: only when it differs.
    const text = JSON.stringify(menus);
    if (text === shown) return;
    shown = text;
    deps.shell.setMenu(menus, onCommand);
  };
  // The standard menus (Edit's clipboard roles, Window, Help) are there before the page has loaded.
  render();
  return {
    update(next) {
      state = next;
      render();
    },
    state: () => state,
  };
}
