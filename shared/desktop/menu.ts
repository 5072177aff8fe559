// What the renderer tells main about its commands, so main can build the native application menu from the one
// command registry: a menu item, its shortcut and its button are one command with one enabled state.
import { z } from 'zod';

export const MENU_NAMES = ['file', 'edit', 'view', 'generation', 'window', 'help'] as const;
export type MenuName = (typeof MENU_NAMES)[number];

export const menuCommandSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
  /** The registry's form: `Mod+O`, `Mod+Shift+Z`, `?`, `Enter`; Mod is Ctrl, or ⌘ on macOS. */
  shortcut: z.string().min(1).max(40).optional(),
  menu: z.enum(MENU_NAMES),
  enabled: z.boolean(),
});

export const menuStateSchema = z.object({
  commands: z.array(menuCommandSchema).max(400),
  /** A text field has the keyboard focus: Edit ▸ Undo/Redo then act on its typing, not on the document. */
  textFocus: z.boolean(),
});

export type MenuCommand = z.infer<typeof menuCommandSchema>;
export type MenuState = z.infer<typeof menuStateSchema>;

/** The commands whose menu items route to a focused text field instead (Edit menu's standard behaviour). */
export const UNDO_COMMAND = 'editor.undo';
export const REDO_COMMAND = 'editor.redo';
