// The Library view as a person uses it: tabs and shortcuts to get there, the header's counts, the grid of cards
// (virtualised: only what is on screen exists), search, filters, the keyboard and deleting with undo.
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  constructor(readonly page: Page) {}

  tab(name: 'Create' | 'Library'): Locator {
    return this.page.getByRole('tab', { name });
  }
  get view(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Library' });
  }
  get grid(): Locator {
    return this.page.getByRole('feed', { name: 'Generations' });
  }
  get count(): Locator {
    return this.view.getByRole('status', { name: 'Library count' });
  }
  get cards(): Locator {
    return this.grid.getByRole('article');
  }
  get strip(): Locator {
    return this.page.getByRole('region', { name: 'Recent generations' });
  }
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search generations' });
  }
  get damaged(): Locator {
    return this.view.getByRole('group', { name: /damaged/ });
  }
  get undoNotice(): Locator {
    return this.page.getByRole('status', { name: 'Deleted' });
  }

  card(prompt: string): Locator {
    return this.grid.getByRole('article', { name: `Generation: ${prompt}` });
  }

  /** The card that has the keyboard focus. */
  get focused(): Locator {
    return this.grid.locator('article:focus');
  }

  filter(name: 'Status' | 'Model' | 'Feature' | 'Profile' | 'Sort'): Locator {
    return this.view.getByRole('combobox', { name });
  }

  async open(how: 'tab' | 'shortcut' = 'tab'): Promise<void> {
    if (how === 'tab') await this.tab('Library').click();
    else await this.page.keyboard.press('Control+2');
    await expect(this.tab('Library')).toHaveAttribute('aria-selected', 'true');
    await expect(this.view).toBeVisible();
  }

  /** Deletes one generation as a person does from the grid (its card focused, the Delete key); its Undo then shows. */
  async deleteWithKey(prompt: string): Promise<void> {
    await this.card(prompt).focus();
    await this.page.keyboard.press('Delete');
    await expect(this.undoNotice).toContainText('Deleted 1 generation');
  }

  async expectCount(text: string | RegExp): Promise<void> {
    await expect(this.count).toHaveText(text);
  }
}
