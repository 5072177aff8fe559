// The player as a person uses it: its controls by their names, the clip's playback as the <video> reports it.
import { expect, type Locator, type Page } from '@playwright/test';

export class PlayerPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Player' });
  }
  get video(): Locator {
    return this.dialog.getByLabel(/^Video:/);
  }
  get title(): Locator {
    return this.dialog.getByRole('heading', { level: 3 });
  }
  button(name: string | RegExp): Locator {
    return this.dialog.getByRole('button', { name, exact: typeof name === 'string' });
  }
  get position(): Locator {
    return this.dialog.getByRole('slider', { name: 'Position' });
  }
  get speed(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Speed' });
  }
  get details(): Locator {
    return this.dialog.getByRole('complementary', { name: 'Details' });
  }
  fact(term: string): Locator {
    return this.details.locator(`dt:text-is("${term}") + dd`);
  }

  compareMode(name: 'Clip' | 'Side by side' | 'Wipe' | 'A/B'): Locator {
    return this.dialog.getByRole('radiogroup', { name: 'Compare' }).getByRole('radio', { name, exact: true });
  }

  /** Click a slider of the player at `fraction` of its length. */
  async dragSlider(name: string, fraction: number): Promise<void> {
    const box = await this.dialog.getByRole('slider', { name }).boundingBox();
    if (!box) throw new Error(`The ${name} slider is not on screen`);
    await this.page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
  }

  /** Click the position slider at `fraction` of its length, as a person drags the playhead there. */
  async scrubTo(fraction: number): Promise<void> {
    const box = await this.position.boundingBox();
    if (!box) throw new Error('The position slider is not on screen');
    await this.page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
  }

  currentTime(): Promise<number> {
    return this.video.evaluate((v: HTMLVideoElement) => v.currentTime);
  }
  paused(): Promise<boolean> {
    return this.video.evaluate((v: HTMLVideoElement) => v.paused);
  }

  async waitForPlaying(atLeast = 0.3): Promise<void> {
    await expect.poll(() => this.currentTime(), { timeout: 10_000 }).toBeGreaterThan(atLeast);
  }

  /** A key pressed with the focus inside the player (not in a field). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}
