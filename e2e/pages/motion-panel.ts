// The path controls of the selected moving area as a person uses them: the "Motion preset" menu, the direction
// dial, and (for the selected area) mask import and export.
import { mkdir, readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { StudioHost } from '../host/studio-host';

export type SpeedName = 'Steady' | 'Ease in' | 'Ease out' | 'Ease in-out' | 'Hold at start' | 'Hold at end';

export type PresetName = 'Straight line' | 'Arc' | 'Circle (orbit)' | 'Wave' | 'Zig-zag' | 'Bounce' | 'Shake in place';

export class MotionPanel {
  private exports = 0;

  /** `host` answers the save dialog of Export mask (the Chromium host's recording desktop). */
  constructor(
    readonly page: Page,
    private readonly host?: StudioHost,
  ) {}

  get presetButton(): Locator {
    return this.page.getByRole('button', { name: /^Motion preset/ });
  }
  get presetMenu(): Locator {
    return this.page.getByRole('menu', { name: 'Motion preset' });
  }
  get dial(): Locator {
    return this.page.getByRole('slider', { name: 'Direction' });
  }
  get speed(): Locator {
    return this.page.getByRole('combobox', { name: 'Speed' });
  }
  get status(): Locator {
    return this.page.getByRole('group', { name: /^Path of/ }).getByRole('status');
  }

  /** Opens the menu with a click and picks `name` with another. */
  async layPreset(name: PresetName): Promise<void> {
    await this.presetButton.click();
    await expect(this.presetMenu).toBeVisible();
    await this.presetMenu.getByRole('menuitem', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).click();
    await expect(this.presetMenu).toBeHidden();
  }

  get maskMessage(): Locator {
    return this.page.getByRole('group', { name: /^Mask of/ }).getByRole('status');
  }
  get maskError(): Locator {
    return this.page.getByRole('group', { name: /^Mask of/ }).getByRole('alert');
  }

  /** "Import mask…" with a click, then the file in the chooser that opens. */
  async importMask(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import mask…', exact: true }).click();
    await (await chooser).setFiles(file);
  }

  /**
   * "Export mask" with a click, the save dialog answered with a new file in `folder`: the name the dialog suggested
   * and the bytes saved.
   */
  async exportMask(folder: string): Promise<{ name: string; bytes: Buffer }> {
    const desktop = this.host?.desktop;
    if (!desktop) throw new Error('the save dialog can be answered only in the Chromium host');
    await mkdir(folder, { recursive: true });
    const name = `exported-${++this.exports}.png`;
    const target = join(folder, name);
    desktop.nextSavePath = target;
    await this.page.getByRole('button', { name: 'Export mask', exact: true }).click();
    await expect(this.maskMessage).toContainText(`saved as ${name}`);
    return { name: desktop.saveDialogs.at(-1)?.suggestedName ?? '', bytes: await readFile(target) };
  }

  /** Picks the selected area's Speed from its list. */
  async setSpeed(name: SpeedName): Promise<void> {
    await this.speed.selectOption({ label: name });
  }

  /** Drags on the dial from its centre towards `deg` (0 = right, 90 = up), with real pointer events. */
  async aim(deg: number): Promise<void> {
    await this.dial.scrollIntoViewIfNeeded();
    const box = await this.dial.boundingBox();
    if (!box) throw new Error('the direction dial is not visible');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const r = box.width * 0.4;
    const rad = (deg * Math.PI) / 180;
    await this.page.mouse.move(cx + r * 0.5, cy);
    await this.page.mouse.down();
    await this.page.mouse.move(cx + r * Math.cos(rad), cy - r * Math.sin(rad), { steps: 6 });
    await this.page.mouse.up();
    await expect(this.dial).toHaveAttribute('aria-valuenow', String(((Math.round(deg / 5) * 5) % 360 + 360) % 360));
  }
}
