// Checks before sending: every problem validation finds is listed with its severity in words, a click on one goes to
// the field it concerns, and Generate stays off while there is an error, its hint naming the first one; off, it is still
// reached by Tab and, pressed, goes to that first problem.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { ComposerPanel } from '../pages/composer-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

test('the checklist lists errors and warnings, goes to their fields, and holds Generate while an error remains', async ({ studio }) => {
  const { ui, page, sandbox } = studio;
  const composer = new ComposerPanel(page);

  // Nothing composed yet: the missing start frame is the one error, and Generate says so.
  await expect(composer.check('Error', 'Choose a start frame')).toBeVisible();
  await ui.expectGenerateOff();
  await expect(ui.generateButton).toHaveAccessibleDescription(/^Fix first: Choose a start frame/);
  await composer.check('Error', 'Choose a start frame').click();
  await expect(page.getByRole('group', { name: /^Start frame/ })).toBeFocused();
  // Off, Generate is still reached by Tab, where its description is read; pressed, it goes to the first problem.
  await composer.check('Error', 'Choose a start frame').focus();
  await page.keyboard.press('Tab');
  await expect(ui.generateButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: /^Start frame/ })).toBeFocused();

  await ui.openStartFrame(START);
  await expect(composer.checklist).toBeHidden();
  await expect(page.getByText('Nothing to fix')).toBeVisible();
  await expect(ui.generateButton).toBeEnabled();

  // Two errors at once, each listed; the hint names the first.
  await ui.prompt.fill('a'.repeat(2501));
  await composer.chooseCamera('Simple (one axis)');
  await expect(composer.checklist.getByRole('button')).toHaveCount(2);
  await expect(composer.check('Error', 'at most 2500 characters')).toBeVisible();
  await expect(composer.check('Error', 'cannot use camera control')).toBeVisible();
  await ui.expectGenerateOff();
  await expect(composer.generateHint).toHaveText('Fix first: The prompt must be at most 2500 characters; it has 2501.');
  // Space on it, or a click (forced: Playwright waits for an aria-disabled button to turn on), goes to the first one.
  await composer.check('Error', 'cannot use camera control').focus();
  await page.keyboard.press('Tab');
  await expect(ui.generateButton).toBeFocused();
  await page.keyboard.press('Space');
  await expect(ui.prompt).toBeFocused();
  await composer.cameraMovement.focus();
  await ui.generateButton.click({ force: true });
  await expect(ui.prompt).toBeFocused();
  await expect(composer.notSent).toBeHidden();

  await composer.check('Error', 'cannot use camera control').click();
  await expect(composer.cameraMovement).toBeFocused();
  await composer.check('Error', 'at most 2500 characters').click();
  await expect(ui.prompt).toBeFocused();

  await ui.prompt.fill('A voice says hello');
  await composer.chooseCamera('None');
  // A warning does not hold Generate.
  await composer.chooseModel('kling-v2-6');
  await composer.option('Mode', 'Professional').check();
  await composer.sound.check();
  await composer.voice(1).fill('voice-abc');
  await expect(composer.check('Warning', 'Voice 1 is not used')).toBeVisible();
  await expect(composer.checklist.getByRole('button', { name: /^Error:/ })).toHaveCount(0);
  await expect(ui.generateButton).toBeEnabled();
  await expect(composer.generateHint).toBeHidden();
  await composer.check('Warning', 'Voice 1 is not used').click();
  await expect(composer.voice(1)).toBeFocused();

  await ui.generateButton.click();
  await expect.poll(() => sandbox.tasks().length).toBe(1);
  expect(sandbox.received.filter((r) => r.method === 'POST')).toHaveLength(1);
});
