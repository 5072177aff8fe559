// Settings is a view of the window (Ctrl+, or File ▸ Settings…): every choice in it is kept by main's settings
// service, so it is there again after a restart, and what it governs hears of it at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { AppMenu } from '../pages/app-menu';
import { ComposerPanel } from '../pages/composer-panel';
import { EditorPage } from '../pages/editor-page';
import { FramesPanel } from '../pages/frames-panel';
import { SettingsDialog } from '../pages/settings-dialog';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const END = join(import.meta.dirname, '..', 'fixtures', 'end-960x720.jpg');

test('Ctrl+, opens Settings in place of the work, and Done goes back to it', async ({ studio }) => {
  const { page, ui } = studio;
  const settings = new SettingsDialog(page);
  await settings.openWithShortcut();
  await expect(ui.prompt).toBeHidden();
  // One main landmark, Settings, while it shows (Create and Library wait behind it, hidden).
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveAccessibleName('Settings');
  for (const name of ['Profiles', 'New documents', 'Generations', 'Notifications', 'Appearance', 'Library']) {
    await expect(settings.section(name)).toBeVisible();
  }
  await settings.close();
  await expect(ui.prompt).toBeVisible();

  if (studio.host) {
    await new AppMenu(studio.host).click('Settings…');
    await expect(settings.dialog).toBeVisible();
  }
});

test('choices made in Settings are kept across a restart', async ({ studio }) => {
  const settings = new SettingsDialog(studio.page);
  await settings.open();
  const doc = settings.section('New documents');
  await doc.getByRole('combobox', { name: 'Model' }).selectOption('kling-v1-6');
  await doc.getByRole('combobox', { name: 'Mode', exact: true }).selectOption('pro');
  await doc.getByRole('combobox', { name: 'Duration' }).selectOption('10');
  const generations = settings.section('Generations');
  await generations.getByRole('combobox', { name: 'Check on running generations' }).selectOption('relaxed');
  await generations.getByRole('checkbox', { name: /Download finished clips automatically/ }).uncheck();
  const notifications = settings.section('Notifications');
  await notifications.getByRole('checkbox', { name: /Notify me when a generation finishes/ }).uncheck();
  await notifications.getByRole('checkbox', { name: /number of generations in progress/ }).uncheck();
  await settings.section('Appearance').getByRole('radio', { name: 'Light' }).check();
  await settings.setConcurrency('Sandbox', 7);
  if (studio.host) {
    const host = studio.host;
    await expect.poll(() => host.services.providers.current().concurrency).toBe(7);
    await expect.poll(() => host.window.theme).toBe('light');
    await expect.poll(() => host.services.settings.preferences().newDocument).toEqual({ model: 'kling-v1-6', mode: 'pro', duration: '10' });
  }

  await studio.restart();
  const again = new SettingsDialog(studio.page);
  await again.open();
  const docAgain = again.section('New documents');
  await expect(docAgain.getByRole('combobox', { name: 'Model' })).toHaveValue('kling-v1-6');
  await expect(docAgain.getByRole('combobox', { name: 'Mode', exact: true })).toHaveValue('pro');
  await expect(docAgain.getByRole('combobox', { name: 'Duration' })).toHaveValue('10');
  await expect(again.section('Generations').getByRole('combobox', { name: 'Check on running generations' })).toHaveValue('relaxed');
  await expect(again.section('Generations').getByRole('checkbox', { name: /Download finished clips/ })).not.toBeChecked();
  await expect(again.section('Notifications').getByRole('checkbox', { name: /Notify me/ })).not.toBeChecked();
  await expect(again.section('Notifications').getByRole('checkbox', { name: /download progress/ })).toBeChecked();
  await expect(again.section('Appearance').getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(again.concurrency('Sandbox')).toHaveValue('7');
});

test('a cap outside 1–50 tasks at once is refused in words', async ({ studio }) => {
  const settings = new SettingsDialog(studio.page);
  await settings.open();
  await settings.setConcurrency('Sandbox', 0);
  await expect(settings.profile('Sandbox').getByRole('alert')).toHaveText('A whole number from 1 to 50');
});

test('New documents: File ▸ New takes the model, mode and duration chosen in Settings', async ({ studio }) => {
  const settings = new SettingsDialog(studio.page);
  await settings.openWithShortcut();
  const doc = settings.section('New documents');
  await doc.getByRole('combobox', { name: 'Model' }).selectOption('kling-v1-6');
  await doc.getByRole('combobox', { name: 'Mode', exact: true }).selectOption('pro');
  await doc.getByRole('combobox', { name: 'Duration' }).selectOption('10');
  await settings.close();
  // The document open now keeps its own choices.
  const composer = new ComposerPanel(studio.page);
  await expect(composer.model).toHaveValue('kling-v1');

  const editor = new EditorPage(studio.page);
  await studio.ui.openStartFrame(START);
  await editor.waitForCanvas();
  await editor.button('New (discard this draft)').click();
  await editor.discardDialog.getByRole('button', { name: 'Discard' }).click();
  await expect(composer.model).toHaveValue('kling-v1-6');
  await expect(composer.option('Mode', 'Professional')).toBeChecked();
  await expect(composer.option('Duration', '10 s')).toBeChecked();
});

test('the editor’s single-key shortcuts do nothing while Settings is shown', async ({ studio }) => {
  const editor = new EditorPage(studio.page);
  await studio.ui.openStartFrame(START);
  await editor.waitForCanvas();
  await editor.useTool('Brush');
  const settings = new SettingsDialog(studio.page);
  await settings.openWithShortcut();
  for (const key of ['E', 'W', 'T', 'L', 'R', 'Shift+W', '0', 'Delete']) await studio.page.keyboard.press(key);
  await expect(settings.dialog).toBeVisible();
  await settings.close();
  await expect(editor.tool('Brush')).toHaveAttribute('aria-pressed', 'true');
  // …and work again once it is closed.
  await studio.page.keyboard.press('E');
  await expect(editor.tool('Eraser')).toHaveAttribute('aria-pressed', 'true');
});

test('Ctrl+O and Ctrl+Enter do nothing behind Settings, and their menu items are off while it shows', async ({ studio }) => {
  const { page, ui, sandbox } = studio;
  await ui.openStartFrame(START);
  await ui.prompt.fill('typed before Settings');
  await expect(ui.generateButton).toBeEnabled();
  let choosers = 0;
  page.on('filechooser', () => void (choosers += 1));

  const settings = new SettingsDialog(page);
  await settings.openWithShortcut();
  const menu = studio.host && new AppMenu(studio.host);
  await menu?.expectEnabled('Open image…', false);
  await menu?.expectEnabled('Generate', false);
  await page.keyboard.press('Control+O');
  await page.keyboard.press('Control+Enter');
  await expect(settings.dialog).toBeVisible();
  await settings.close();
  await menu?.expectEnabled('Open image…', true);
  await menu?.expectEnabled('Generate', true);

  // Both work again once Settings is closed; what they do then is the one thing done (a press behind Settings that
  // acted late would show as a second file dialog or a second request, with the old prompt).
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+O');
  await chooser;
  await ui.prompt.fill('typed after Settings');
  await ui.prompt.press('Control+Enter');
  await expect.poll(() => sandbox.received.filter((r) => r.method === 'POST').map((r) => (r.body as { prompt?: string }).prompt)).toEqual(['typed after Settings']);
  expect(choosers).toBe(1);
});

test('behind Settings nothing changes the frames or the editor: Swap, Remove, New, Undo, a pasted or a dropped image wait', async ({ studio }) => {
  const { page, ui } = studio;
  const frames = new FramesPanel(page);
  const editor = new EditorPage(page);
  await ui.openStartFrame(START);
  await editor.waitForCanvas();
  const ITEMS = ['Swap start and end frames', 'Remove start frame', 'New (discard this draft)…', 'Undo'];

  const settings = new SettingsDialog(page);
  await settings.openWithShortcut();
  const menu = studio.host && new AppMenu(studio.host);
  for (const item of ITEMS) await menu?.expectEnabled(item, false);
  // Off any text field of Settings (where Ctrl+Z and a paste are the field's own).
  await settings.dialog.getByRole('heading', { name: 'Settings', level: 1 }).click();
  await page.keyboard.press('Control+Z');
  await frames.paste({ name: 'end-960x720.jpg', mimeType: 'image/jpeg', buffer: readFileSync(END) });
  await ui.dropFile(END, 'image/jpeg');
  await settings.close();

  await expect(frames.image('start')).toHaveAccessibleName('Start frame: start-1280x720.jpg');
  for (const item of ITEMS) await menu?.expectEnabled(item, true);
  // Ctrl+Z works again once Settings is closed: what it undoes is opening the start frame, the one change made.
  await editor.canvas.focus();
  await page.keyboard.press('Control+Z');
  await expect(frames.image('start')).toBeHidden();
});
