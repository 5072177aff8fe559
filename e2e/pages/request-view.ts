// The Request view ("Show request"): the exact body Generate would send, where it goes, and Copy as curl.
import { expect, type Locator, type Page } from '@playwright/test';

export class RequestView {
  constructor(readonly page: Page) {}

  get showButton(): Locator {
    return this.page.getByRole('button', { name: 'Show request' });
  }
  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Request' });
  }
  get endpoint(): Locator {
    return this.dialog.getByLabel('Endpoint');
  }
  get credential(): Locator {
    return this.dialog.getByLabel('Credential');
  }
  get body(): Locator {
    return this.dialog.getByLabel('Request body');
  }
  get folds(): Locator {
    return this.body.getByRole('button', { name: /^Show all of the / });
  }

  async open(): Promise<void> {
    await this.showButton.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.body).toBeVisible();
  }

  /** Unfold every image, then read the body as the view prints it. */
  async fullBody(): Promise<unknown> {
    await this.dialog.getByRole('button', { name: 'Show all images in full' }).click();
    await expect(this.folds).toHaveCount(0);
    return JSON.parse((await this.body.textContent()) ?? '');
  }

  /** Copy as curl with the images placed as asked; the command as the clipboard holds it. */
  async copyAsCurl(images: 'Inline' | 'As files next to it'): Promise<string> {
    await this.dialog.getByRole('radio', { name: images }).check();
    await this.dialog.getByRole('button', { name: 'Copy as curl' }).click();
    await expect(this.dialog.getByRole('status')).toContainText('Copied');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close request' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
