// What main asks of the window and the OS around it: the application menu, system notifications, the dock/taskbar
// badge and progress bar, focus, the native theme and text editing in the focused field. Electron implements it in
// electron/platform/window-shell.ts; services receive it as a dependency, so the deciding code runs under Node in
// tests, with the recording stand-in below.
import type { Theme } from '../../shared/settings/preferences';
import type { TopMenu } from './menu-template';

export interface SystemNotification {
  title: string;
  body: string;
}

export interface WindowShell {
  /** Replace the application menu; a click on a command item calls `onCommand` with its id. */
  setMenu(menus: TopMenu[], onCommand: (id: string) => void): void;
  /** Undo or redo the typing in the focused text field (what Electron's Edit ▸ Undo role does). */
  editText(action: 'undo' | 'redo'): void;
  /** Whether the app's window has the focus (a notification is only for a person looking elsewhere). */
  isFocused(): boolean;
  /** Bring the window to the front (restored if minimised). */
  focus(): void;
  notify(notification: SystemNotification, onClick: () => void): void;
  /** The number on the dock / taskbar icon; 0 clears it. */
  setBadgeCount(count: number): void;
  /** The taskbar's progress bar: a fraction in [0, 1], or undefined to remove it. */
  setProgress(fraction: number | undefined): void;
  /** The theme of native parts (menus, dialogs, title bar) and of `prefers-color-scheme` in the page. */
  setTheme(theme: Theme): void;
}

/** A window without a window, for tests: it records what the app asked, and lets a test click and focus. */
export class RecordingWindowShell implements WindowShell {
  menus: TopMenu[] = [];
  private onCommand: ((id: string) => void) | undefined;
  readonly edits: ('undo' | 'redo')[] = [];
  focused = true;
  focusRequests = 0;
  readonly notifications: (SystemNotification & { click(): void })[] = [];
  badgeCount = 0;
  /** Every badge count and progress value asked for, in order (a download can be over before a test looks). */
  readonly badgeCounts: number[] = [];
  progress: number | undefined;
  readonly progressValues: (number | undefined)[] = [];
  theme: Theme | undefined;

  setMenu(menus: TopMenu[], onCommand: (id: string) => void): void {
    this.menus = menus;
    this.onCommand = onCommand;
  }

  /** Click the menu item of command `id` as a person would (refused when it is disabled or absent). */
  clickMenu(id: string): boolean {
    const item = this.menus.flatMap((m) => m.items).find((i) => i.kind === 'command' && i.id === id);
    if (!item || item.kind !== 'command' || !item.enabled) return false;
    this.onCommand?.(id);
    return true;
  }

  editText(action: 'undo' | 'redo'): void {
    this.edits.push(action);
  }

  isFocused(): boolean {
    return this.focused;
  }

  focus(): void {
    this.focusRequests += 1;
    this.focused = true;
  }

  notify(notification: SystemNotification, onClick: () => void): void {
    this.notifications.push({ ...notification, click: onClick });
  }

  setBadgeCount(count: number): void {
    this.badgeCount = count;
    this.badgeCounts.push(count);
  }

  setProgress(fraction: number | undefined): void {
    this.progress = fraction;
    this.progressValues.push(fraction);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
  }
}
