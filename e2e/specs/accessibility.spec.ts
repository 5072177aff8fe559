// No WCAG 2.1 AA violation (axe-core) in any view, in either theme: Create (empty, then with a frame and a finished
// generation), Library, Settings (with the profile form open), the player and the shortcuts dialog.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { wcagViolations, type ThemeName } from '../pages/accessibility';
import { SettingsDialog } from '../pages/settings-dialog';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

for (const theme of ['dark', 'light'] as ThemeName[]) {
  test(`every view passes axe's WCAG 2.1 AA checks in the ${theme} theme`, async ({ studio }) => {
    test.setTimeout(120_000);
    const { page, ui } = studio;
    const settings = new SettingsDialog(page);
    await settings.open();
    await settings.section('Appearance').getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await settings.newProfileForm();
    expect(await wcagViolations(page), 'Settings').toEqual([]);
    await settings.close();

    expect(await wcagViolations(page), 'Create, empty').toEqual([]);
    await ui.openStartFrame(START);
    await ui.prompt.fill('Checked by axe');
    await ui.generateButton.click();
    await expect(ui.cardStatus('Checked by axe')).toHaveText('Ready', { timeout: 30_000 });
    expect(await wcagViolations(page), 'Create, with a frame and a generation').toEqual([]);

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await wcagViolations(page), 'Keyboard shortcuts dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await ui.play('Checked by axe');
    expect(await wcagViolations(page), 'Player').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(ui.player).toBeHidden();

    // The full-window Library, where the window has one (its tab is the library view's own work).
    const libraryTab = page.getByRole('tab', { name: /^Library/ });
    if ((await libraryTab.count()) > 0) {
      await libraryTab.click();
      await expect(ui.card('Checked by axe')).toBeVisible();
      expect(await wcagViolations(page), 'Library').toEqual([]);
    }
  });
}
