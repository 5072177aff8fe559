// The page object of the main window: specs speak of what a person does and sees, never of CSS classes.
import { expect, type Locator, type Page } from '@playwright/test';
import { dropFile } from './drop-file';

export class StudioPage {
  constructor(readonly page: Page) {}

  get provider(): Locator {
    return this.page.getByRole('button', { name: /^Provider:/ });
  }
  get prompt(): Locator {
    return this.page.getByRole('textbox', { name: /^Prompt/ });
  }
  get generateButton(): Locator {
    return this.page.getByRole('button', { name: /^Generate/ });
  }
  /**
   * Generate while something must be fixed first: off for assistive technology (aria-disabled) yet not `disabled`, so
   * Tab still reaches it and its description (the first problem) is read.
   */
  async expectGenerateOff(): Promise<void> {
    await expect(this.generateButton).toBeDisabled();
    await expect(this.generateButton).toHaveAttribute('aria-disabled', 'true');
    await expect(this.generateButton).not.toHaveAttribute('disabled');
  }
  get alerts(): Locator {
    return this.page.getByRole('alert');
  }
  /** Said while the folder the library was moved to is missing (the default library is in use meanwhile). */
  get libraryNotFound(): Locator {
    return this.page.getByRole('alert', { name: 'Library not found' });
  }
  get startFrame(): Locator {
    return this.page.getByRole('img', { name: /^Start frame:/ });
  }
  /** The Create view's strip of the newest and in-flight generations (the Library view: pages/library-page.ts). */
  get gallery(): Locator {
    return this.page.getByRole('list', { name: 'Recent generations' });
  }
  get player(): Locator {
    return this.page.getByRole('dialog', { name: 'Player' });
  }
  get video(): Locator {
    return this.player.getByLabel(/^Video:/);
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.provider).toBeVisible();
  }

  /** Through the Open image… button and the file dialog it opens. */
  async openStartFrame(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /^(Open image|Replace start frame)/ }).click();
    await (await chooser).setFiles(path);
  }

  /** Drop a file from disk onto the window, as the OS would deliver a drag from a file manager. */
  async dropFile(path: string, mimeType: string): Promise<void> {
    await dropFile(this.page.locator('main'), path, mimeType);
  }

  card(prompt: string): Locator {
    return this.page.getByRole('article', { name: `Generation: ${prompt}` });
  }

  cardStatus(prompt: string): Locator {
    return this.card(prompt).getByRole('status', { name: 'Status' });
  }

  async play(prompt: string): Promise<void> {
    await this.card(prompt).getByRole('button', { name: /^Play/ }).click();
    await expect(this.player).toBeVisible();
  }
}
