// The application menu is built from the command registry: a menu item, its shortcut and its button are one command
// with one enabled state, and clicking the item does what the button does. (Main's side of the menu is the Chromium
// host's window stand-in: the same services that drive Electron's Menu.)
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { AppMenu } from '../pages/app-menu';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

test.beforeEach(({ studio }) => {
  test.skip(!studio.host, 'The menu is read from the Chromium host’s window stand-in');
});

test('the menus list the app’s commands, and follow their enabled state as the work changes', async ({ studio }) => {
  const { ui, page } = studio;
  const menu = new AppMenu(studio.host!);
  await menu.expectEnabled('Open image…', true);
  expect(menu.labels()).toEqual(['File', 'Edit', 'View', 'Generation', 'Window', 'Help']);
  expect(menu.items('File')).toEqual(expect.arrayContaining(['Open image…', 'Open end frame…', 'Settings…', '[quit]']));
  expect(menu.items('Edit')).toEqual(expect.arrayContaining(['Undo', 'Redo', '[cut]', '[copy]', '[paste]', '[selectAll]', 'Swap start and end frames']));
  expect(menu.items('View')).toEqual(expect.arrayContaining(['Fit to window', 'Play motion preview', '[togglefullscreen]']));
  expect(menu.items('Help')).toEqual(expect.arrayContaining(['Keyboard shortcuts']));
  expect(menu.item('Generate')).toMatchObject({ enabled: false, accelerator: 'CmdOrCtrl+Enter' });
  expect(menu.item('Open image…')?.accelerator).toBe('CmdOrCtrl+O');

  await ui.openStartFrame(START);
  await menu.expectEnabled('Generate', true);
  await menu.expectEnabled('Remove start frame', true);

  // A dialog takes the commands behind it out of reach, in the menu as on the keyboard.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await menu.expectEnabled('Open image…', false);
  await page.keyboard.press('Escape');
  await menu.expectEnabled('Open image…', true);
});

test('a click in the menu runs the command, as its button does', async ({ studio }) => {
  const { ui, page } = studio;
  const menu = new AppMenu(studio.host!);
  await ui.openStartFrame(START);
  await ui.prompt.fill('From the Generation menu');
  await menu.click('Generate');
  await expect(ui.card('From the Generation menu')).toBeVisible();

  await menu.click('Keyboard shortcuts');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');

  await menu.click('Remove start frame');
  await expect(ui.startFrame).toBeHidden();
  // With the focus out of the prompt, Undo is the document's (in the prompt it would undo the typing).
  await ui.prompt.blur();
  await menu.expectTextFocus(false);
  await menu.click('Undo');
  await expect(ui.startFrame).toBeVisible();
});

test('Edit ▸ Undo acts on the typing while a text field has the focus', async ({ studio }) => {
  const { ui } = studio;
  const menu = new AppMenu(studio.host!);
  await menu.expectEnabled('Undo', false);
  await ui.prompt.click();
  await ui.prompt.pressSequentially('typed');
  await menu.expectTextFocus(true);
  await menu.expectEnabled('Undo', true);
  await menu.click('Undo');
  // Electron's webContents.undo() in the app; the stand-in records that the field, not the document, was asked.
  expect(studio.host!.window.edits).toEqual(['undo']);
});
