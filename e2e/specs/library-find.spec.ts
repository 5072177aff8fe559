import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { makeLibrary, promptOf, TEMPLATE_DIR } from '../fixtures/make-library';
import { LibraryPage } from '../pages/library-page';

test('search and filters narrow the grid as one types, and the header says how many match', async ({ studio }) => {
  makeLibrary(studio.libraryRoot, 120);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.expectCount('120 generations');

  await library.search.pressSequentially('koi pond');
  await library.expectCount('10 of 120 generations match');
  await expect(library.card(promptOf(11))).toBeVisible();
  await library.search.fill(`#${37}`);
  await expect(library.card(promptOf(37))).toBeVisible();
  await library.search.fill('nothing like this anywhere');
  await expect(library.view.getByText('No generation matches')).toBeVisible();
  await library.search.fill('');
  await library.expectCount('120 generations');

  await library.filter('Status').selectOption('Failed');
  await library.expectCount('2 of 120 generations match');
  await expect(library.card(promptOf(5))).toContainText('Kling refused the content.');
  await library.filter('Status').selectOption('Any status');
  await library.filter('Feature').selectOption('Camera');
  await library.expectCount('3 of 120 generations match'); // 0, 41, 82
  await library.filter('Model').selectOption('kling-v1');
  await library.expectCount('1 of 120 generations match');
  await library.filter('Feature').selectOption('Any feature');
  await library.filter('Model').selectOption('Any model');
  await library.filter('Sort').selectOption('Oldest first');
  await expect(library.cards.first()).toHaveAccessibleName(`Generation: ${promptOf(119)}`);
});

test('deleting sends to the trash with an undo, one card by Delete or several selected', async ({ studio }) => {
  makeLibrary(studio.libraryRoot, 12);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.deleteWithKey(promptOf(1));
  await expect(library.card(promptOf(1))).toHaveCount(0);
  await library.expectCount('11 generations');
  await library.undoNotice.getByRole('button', { name: 'Undo' }).click();
  await expect(library.card(promptOf(1))).toBeVisible();
  await library.expectCount('12 generations');

  await library.card(promptOf(2)).click({ modifiers: ['Control'] });
  await library.card(promptOf(4)).click({ modifiers: ['Shift'] });
  await expect(library.grid.locator('article[aria-selected="true"]')).toHaveCount(3);
  await studio.page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /^Delete 3/ }).click();
  await expect(library.undoNotice).toContainText('Deleted 3 generations');
  await library.expectCount('9 generations');
  // Once the undo time is over they are in the system trash (the recording desktop's folder in this host).
  await expect.poll(() => studio.host?.desktop.trashed.length, { timeout: 30_000 }).toBe(3);
});

test('damaged folders are listed with their reason, and an old record without request.json is shown', async ({ studio }) => {
  await mkdir(studio.libraryRoot, { recursive: true });
  const old = join(studio.libraryRoot, '2026-11-21T10-32-05_f1a2b3c4d5');
  await cp(TEMPLATE_DIR, old, { recursive: true });
  await mkdir(join(studio.libraryRoot, '2026-11-22T08-00-00_cutshort'));
  await writeFile(join(studio.libraryRoot, '2026-11-22T08-00-00_cutshort', 'generation.json'), '{"schemaVersion": 1, "id": "cut');
  await mkdir(join(studio.libraryRoot, '2026-11-22T09-00-00_empty'));
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.expectCount('1 generation');
  const card = library.card('The lighthouse beam sweeps across the harbour as the boats rock gently');
  await expect(card).toContainText('kling-v1-6 · pro · 5 s');
  await expect(card).toContainText('3.5 credits');
  await library.view.getByText('2 damaged entries').click();
  await expect(library.view.getByText('generation.json is not valid JSON')).toBeVisible();
  await expect(library.view.getByText('generation.json is missing')).toBeVisible();
  await card.getByRole('button', { name: /^Play/ }).click();
  await expect(studio.ui.player).toBeVisible();
});

test('a library of 2,000 generations opens on its first screen and scrolls to the end', async ({ studio }) => {
  makeLibrary(studio.libraryRoot, 2000);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.expectCount('2,000 generations');
  await expect(library.card(promptOf(0))).toBeVisible();
  // Each card on screen draws its poster (at the size it is shown; given back when the card leaves the screen).
  await expect(library.card(promptOf(0)).locator('canvas')).toHaveAttribute('data-src', /poster\.jpg/);
  // Virtualised: a screen of cards, not two thousand.
  expect(await library.cards.count()).toBeLessThan(80);
  await library.card(promptOf(0)).focus();
  await studio.page.keyboard.press('End');
  await expect(library.card(promptOf(1999))).toBeVisible();
  await expect(library.focused).toHaveAccessibleName(`Generation: ${promptOf(1999)}`);
  await expect(library.card(promptOf(1999)).locator('canvas')).toHaveAttribute('data-src', /poster\.jpg/);
  expect(await library.cards.count()).toBeLessThan(80);
  await studio.page.mouse.wheel(0, -3000);
  await expect(library.cards.first()).not.toHaveAccessibleName(`Generation: ${promptOf(1999)}`);
});
