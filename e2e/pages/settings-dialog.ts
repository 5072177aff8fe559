// The Settings view (once a dialog, hence the file's name): profiles through which generations reach Kling, defaults
// for new documents, generations, notifications, theme and the library's location.
import { expect, type Locator, type Page } from '@playwright/test';

export interface OfficialProfileInput {
  name: string;
  baseUrl: string;
  apiKey?: string;
  accessKey?: string;
  secretKey?: string;
  /** On a machine without a keyring: how the key is kept (the form preselects "this session only"). */
  keep?: 'session' | 'stored';
}

export class SettingsDialog {
  constructor(readonly page: Page) {}

  /** The view itself (a `main` landmark named Settings, shown instead of Create or Library). */
  get dialog(): Locator {
    return this.page.getByRole('main', { name: 'Settings' });
  }

  section(name: string): Locator {
    return this.dialog.getByRole('region', { name });
  }

  /** A profile's "Tasks at once" field. */
  concurrency(name: string): Locator {
    return this.profile(name).getByRole('spinbutton', { name: `Tasks at once for ${name}` });
  }

  async setConcurrency(name: string, value: number): Promise<void> {
    const field = this.concurrency(name);
    await field.fill(String(value));
    await field.press('Enter');
  }

  /** Open with the keyboard shortcut, as a person used to other desktop apps would. */
  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press(process.platform === 'darwin' ? 'Meta+Comma' : 'Control+Comma');
    await expect(this.dialog).toBeVisible();
  }

  profile(name: string): Locator {
    return this.dialog.getByRole('listitem', { name: `Profile ${name}` });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /^Provider:/ }).click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close settings' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** The form's answer to "Keep the key", shown only where no system keyring protects a stored key. */
  keeping(form: Locator, keep: 'session' | 'stored'): Locator {
    return form.getByRole('group', { name: 'Keep the key' }).getByRole('radio', { name: keep === 'session' ? /For this session only/ : /Store it on this computer/ });
  }

  async chooseKeeping(form: Locator, keep: 'session' | 'stored'): Promise<void> {
    await this.keeping(form, keep).check();
  }

  /** "ending in …1046": how a profile shows its key (the key itself never reaches the window). */
  storedKey(name: string): Locator {
    return this.profile(name).getByLabel(/ending in/);
  }

  /** Open the form that edits a profile. */
  async edit(name: string): Promise<Locator> {
    await this.profile(name).getByRole('button', { name: `Edit ${name}` }).click();
    const form = this.dialog.getByRole('form', { name: `Edit ${name}` });
    await expect(form).toBeVisible();
    return form;
  }

  /** Open the empty "New profile" form. */
  async newProfileForm(): Promise<Locator> {
    await this.dialog.getByRole('button', { name: 'Add profile…' }).click();
    const form = this.dialog.getByRole('form', { name: 'New profile' });
    await expect(form).toBeVisible();
    return form;
  }

  async addOfficial(p: OfficialProfileInput): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Add profile…' }).click();
    const form = this.dialog.getByRole('form', { name: 'New profile' });
    await form.getByRole('radio', { name: 'Kling (official API)' }).check();
    await form.getByRole('textbox', { name: 'Name' }).fill(p.name);
    await form.getByRole('combobox', { name: 'Region' }).selectOption('custom');
    await form.getByRole('textbox', { name: 'Base URL' }).fill(p.baseUrl);
    if (p.apiKey) {
      await form.getByRole('radio', { name: 'One API key' }).check();
      await form.getByLabel('API key', { exact: true }).fill(p.apiKey);
    } else {
      await form.getByRole('radio', { name: 'Access key + secret key pair' }).check();
      await form.getByLabel('Access key', { exact: true }).fill(p.accessKey ?? '');
      await form.getByLabel('Secret key', { exact: true }).fill(p.secretKey ?? '');
    }
    if (p.keep) await this.chooseKeeping(form, p.keep);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form).toBeHidden();
  }

  async addGateway(p: { name: string; baseUrl: string; token: string; modelField: 'model_name' | 'model' | 'both' }): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Add profile…' }).click();
    const form = this.dialog.getByRole('form', { name: 'New profile' });
    await form.getByRole('radio', { name: 'A gateway' }).check();
    await form.getByRole('textbox', { name: 'Name' }).fill(p.name);
    await form.getByRole('textbox', { name: 'Base URL' }).fill(p.baseUrl);
    await form.getByLabel('Gateway token').fill(p.token);
    await form.getByRole('combobox', { name: 'Model field it expects' }).selectOption(p.modelField);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form).toBeHidden();
  }

  async testConnection(name: string): Promise<Locator> {
    await this.profile(name).getByRole('button', { name: 'Test connection' }).click();
    const feedback = this.profile(name).getByRole('status');
    await expect(feedback).not.toHaveText('Testing…');
    return feedback;
  }
}
