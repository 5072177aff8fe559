// The application menu as the Chromium host's window stand-in received it from the page: items found by label, and
// clicked as a person would (a disabled item cannot be clicked).
import { expect } from '@playwright/test';
import type { MenuEntry } from '../../electron/desktop/menu-template';
import type { StudioHost } from '../host/studio-host';

type CommandItem = Extract<MenuEntry, { kind: 'command' }>;

export class AppMenu {
  constructor(readonly host: StudioHost) {}

  get window() {
    return this.host.window;
  }

  /** Waits until main knows whether a text field has the focus (Edit ▸ Undo goes to its typing then). */
  async expectTextFocus(focused: boolean): Promise<void> {
    await expect.poll(() => this.host.services.menu.state().textFocus).toBe(focused);
  }

  /** Top menu labels as shown (without the mnemonic &). */
  labels(): string[] {
    return this.window.menus.map((m) => m.label.replace('&', ''));
  }

  items(menu: string): string[] {
    const top = this.window.menus.find((m) => m.label.replace('&', '') === menu);
    return (top?.items ?? []).map((i) => (i.kind === 'command' ? i.label : i.kind === 'role' ? `[${i.role}]` : '—'));
  }

  item(label: string): CommandItem | undefined {
    return this.window.menus.flatMap((m) => m.items).find((i): i is CommandItem => i.kind === 'command' && i.label === label);
  }

  /** Waits until the page has told main that the item is enabled (or not). */
  async expectEnabled(label: string, enabled: boolean): Promise<void> {
    await expect.poll(() => this.item(label)?.enabled, { message: `menu item ${label}` }).toBe(enabled);
  }

  async click(label: string): Promise<void> {
    await this.expectEnabled(label, true);
    const item = this.item(label);
    if (!item || !this.window.clickMenu(item.id)) throw new Error(`The menu item ${label} could not be clicked`);
  }
}
