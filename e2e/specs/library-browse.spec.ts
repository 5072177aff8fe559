import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { makeLibrary, promptOf } from '../fixtures/make-library';
import { FramesPanel } from '../pages/frames-panel';
import { LibraryPage } from '../pages/library-page';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const END = join(import.meta.dirname, '..', 'fixtures', 'end-960x720.jpg');

test('Create and Library are two tabs of one window, switched by click and by Ctrl+1 / Ctrl+2', async ({ studio }) => {
  makeLibrary(studio.libraryRoot, 30);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await expect(library.tab('Create')).toHaveAttribute('aria-selected', 'true');
  // The Create view keeps a slim strip of the newest generations.
  await expect(library.strip.getByRole('article', { name: `Generation: ${promptOf(0)}` })).toBeVisible();

  await library.open('shortcut');
  await library.expectCount('30 generations');
  await expect(library.card(promptOf(0))).toBeVisible();
  await expect(library.card(promptOf(0))).toContainText('Motion brush');
  await expect(library.card(promptOf(0))).toContainText('End frame');
  await expect(library.card(promptOf(0))).toContainText('Camera');
  await expect(library.card(promptOf(1))).toContainText('kling-v1-5 · pro · 5 s');
  await expect(library.card(promptOf(1))).toContainText('3.5 credits');
  // A failed one says why.
  await expect(library.card(promptOf(5))).toContainText('Kling refused the content.');

  await studio.page.keyboard.press('Control+1');
  await expect(library.tab('Create')).toHaveAttribute('aria-selected', 'true');
  await expect(library.view).toBeHidden();
  await library.open('tab');
  await expect(library.card(promptOf(0))).toBeVisible();
});

test('the arrows move between cards, Enter opens one and Space plays it', async ({ studio }) => {
  makeLibrary(studio.libraryRoot, 24);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.card(promptOf(0)).focus();
  await studio.page.keyboard.press('ArrowRight');
  await expect(library.focused).toHaveAccessibleName(`Generation: ${promptOf(1)}`);
  await studio.page.keyboard.press('ArrowLeft');
  await expect(library.focused).toHaveAccessibleName(`Generation: ${promptOf(0)}`);
  const columns = await library.grid.evaluate((grid) => getComputedStyle(grid.querySelector('[data-index]') as Element).gridTemplateColumns.split(' ').length);
  await studio.page.keyboard.press('ArrowDown');
  await expect(library.focused).toHaveAccessibleName(`Generation: ${promptOf(columns)}`);
  await studio.page.keyboard.press('End');
  await expect(library.focused).toHaveAccessibleName(`Generation: ${promptOf(23)}`);
  await expect(library.focused).toBeInViewport();

  await studio.page.keyboard.press('Home');
  await studio.page.keyboard.press('Space');
  await expect(studio.ui.player).toBeVisible();
  await expect(studio.ui.video).toHaveAttribute('src', /result\.mp4/);
  await studio.page.keyboard.press('Escape');
  await expect(studio.ui.player).toBeHidden();
  await library.card(promptOf(2)).focus();
  await studio.page.keyboard.press('Enter');
  await expect(studio.ui.player).toBeVisible();
});

test('an image opened, pasted or dropped while the Library shows brings Create forward with it', async ({ studio }) => {
  const { page, ui } = studio;
  const library = new LibraryPage(page);
  const frames = new FramesPanel(page);
  const createShown = async () => {
    await expect(library.tab('Create')).toHaveAttribute('aria-selected', 'true');
    await expect(library.view).toBeHidden();
  };

  await library.open('shortcut');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles(START);
  await createShown();
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: start-1280x720.jpg');

  await library.open('tab');
  await frames.paste({ name: 'pasted.jpg', mimeType: 'image/jpeg', buffer: await readFile(END) });
  await createShown();
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: pasted.jpg');

  await library.open('shortcut');
  await ui.dropFile(START, 'image/jpeg');
  await createShown();
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: start-1280x720.jpg');
});
