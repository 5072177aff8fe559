// Settings ▸ Library ▸ Move the library…: the folder is chosen in main's own dialog (the host's stand-in answers with
// a folder chosen in advance), the library is copied with progress, checked, switched to and removed from the old
// place; the grid and the player keep working from the new folder, and a refusal leaves everything as it was.
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, SAMPLE_CLIP, test } from '../fixtures';
import { makeLibrary, promptOf } from '../fixtures/make-library';
import { seedGeneration } from '../host/seed-generation';
import { LibraryPage } from '../pages/library-page';
import { PlayerPage } from '../pages/player-page';
import { SettingsDialog } from '../pages/settings-dialog';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const PROMPT = 'A paper boat drifts down a rainy street';

test('the library moves to a new folder: copied, checked, switched to, and gone from the old place', async ({ studio }) => {
  const { host, libraryRoot } = studio;
  test.skip(!host, 'the folder dialog is answered through the Chromium host’s desktop stand-in');
  if (!host) return;
  await seedGeneration(libraryRoot, { prompt: PROMPT, createdAt: new Date('2026-11-20T10:00:00Z'), startFrame: START, clip: SAMPLE_CLIP });
  await studio.restart();
  const to = join(libraryRoot, '..', 'Moved Kling Library');
  studio.host!.desktop.nextFolder = to;

  const settings = new SettingsDialog(studio.page);
  await settings.openWithShortcut();
  const section = settings.section('Library');
  await expect(section.getByLabel('Location (default)')).toHaveText(libraryRoot);
  await section.getByRole('button', { name: 'Move the library…' }).click();
  await expect(section.getByRole('status')).toHaveText(/every file was copied and checked, and the old copy removed/);
  await expect(section.getByLabel('Location', { exact: true })).toHaveText(to);
  expect(studio.host!.services.library.root).toBe(to);
  await expect(readdir(libraryRoot)).rejects.toThrow(/ENOENT/);

  // The grid and the player read from the new place.
  await settings.close();
  const library = new LibraryPage(studio.page);
  await library.open('tab');
  await library.card(PROMPT).getByRole('button', { name: /^Play/ }).click();
  await new PlayerPage(studio.page).waitForPlaying();
});

test('a folder with other things in it is refused in words, and the library stays where it is', async ({ studio }) => {
  const { host, libraryRoot } = studio;
  test.skip(!host, 'the folder dialog is answered through the Chromium host’s desktop stand-in');
  if (!host) return;
  await seedGeneration(libraryRoot, { prompt: PROMPT, createdAt: new Date('2026-11-20T10:00:00Z'), startFrame: START, clip: SAMPLE_CLIP });
  await studio.restart();
  const photos = join(libraryRoot, '..', 'Photos');
  await mkdir(photos);
  await writeFile(join(photos, 'beach.jpg'), 'not a library');
  studio.host!.desktop.nextFolder = photos;

  const settings = new SettingsDialog(studio.page);
  await settings.openWithShortcut();
  const section = settings.section('Library');
  await section.getByRole('button', { name: 'Move the library…' }).click();
  await expect(section.getByRole('alert')).toHaveText(
    'The library was not moved. That folder is not empty and holds no Kling Studio library: choose an empty folder, or make a new one.',
  );
  await expect(section.getByLabel('Location (default)')).toHaveText(libraryRoot);
  expect(await readdir(photos)).toEqual(['beach.jpg']);
  expect((await readdir(libraryRoot)).filter((n) => !n.startsWith('.'))).toHaveLength(1);
});

test('a deletion still showing its Undo can be undone after the library moved', async ({ studio }) => {
  const { host, libraryRoot } = studio;
  test.skip(!host, 'the folder dialog is answered through the Chromium host’s desktop stand-in');
  if (!host) return;
  makeLibrary(libraryRoot, 3);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.deleteWithKey(promptOf(1));
  await library.expectCount('2 generations');

  const to = join(libraryRoot, '..', 'Moved Kling Library');
  studio.host!.desktop.nextFolder = to;
  const settings = new SettingsDialog(studio.page);
  await settings.openWithShortcut();
  const section = settings.section('Library');
  await section.getByRole('button', { name: 'Move the library…' }).click();
  await expect(section.getByRole('status')).toHaveText(/every file was copied and checked, and the old copy removed/);
  await settings.close();

  await library.undoNotice.getByRole('button', { name: 'Undo' }).click();
  await expect(library.card(promptOf(1))).toBeVisible();
  await library.expectCount('3 generations');
  expect((await readdir(to)).filter((n) => !n.startsWith('.'))).toHaveLength(3);
  expect(studio.host!.desktop.trashed).toEqual([]);
});

test('a moved library whose drive is unplugged at start: the default one is used and the window says so, until it is back', async ({ studio }) => {
  const { host, libraryRoot } = studio;
  test.skip(!host, 'the folder dialog is answered through the Chromium host’s desktop stand-in');
  if (!host) return;
  await seedGeneration(libraryRoot, { prompt: PROMPT, createdAt: new Date('2026-11-20T10:00:00Z'), startFrame: START, clip: SAMPLE_CLIP });
  await studio.restart();
  // Moved at once: the window may still be saving the clip's poster (the move waits for that write; it used to fail
  // with "a file disappeared").
  const drive = join(libraryRoot, '..', 'Drive');
  const to = join(drive, 'Kling Library');
  studio.host!.desktop.nextFolder = to;
  const settings = new SettingsDialog(studio.page);
  await settings.openWithShortcut();
  await settings.section('Library').getByRole('button', { name: 'Move the library…' }).click();
  await expect(settings.section('Library').getByRole('status')).toHaveText(/every file was copied and checked/);
  await settings.close();

  // The drive is unplugged while the app is closed.
  await rename(drive, `${drive} (unplugged)`);
  await studio.restart();
  const notice = studio.ui.libraryNotFound;
  await expect(notice).toContainText(`${to} cannot be found (is its drive connected?), so the default library (${libraryRoot}) is used for now.`);
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.expectCount('0 generations');
  await expect(readdir(to)).rejects.toThrow(/ENOENT/); // not made again, empty

  await notice.getByRole('button', { name: 'Library settings…' }).click();
  const again = new SettingsDialog(studio.page);
  const section = again.section('Library');
  await expect(section.getByLabel('Location (default)')).toHaveText(libraryRoot);
  await section.getByRole('button', { name: 'Try again' }).click();
  await expect(section.getByRole('alert')).toHaveText(`${to} is still missing. Connect the drive (or the network share) it is on, then try again.`);
  // Moving now would point the setting elsewhere and leave the library on the drive behind: refused, in words.
  const elsewhere = join(libraryRoot, '..', 'Elsewhere');
  studio.host!.desktop.nextFolder = elsewhere;
  await section.getByRole('button', { name: 'Move the library…' }).click();
  await expect(section.getByRole('alert')).toHaveText(
    `The library was not moved. Your library at ${to} is missing; moving now would leave it behind. Connect its drive and press Try again (then move it), or choose Use the default library from now on.`,
  );
  expect(studio.host!.desktop.nextFolder).toBe(elsewhere); // no folder was asked for
  await rename(`${drive} (unplugged)`, drive);
  await section.getByRole('button', { name: 'Try again' }).click();
  await expect(section.getByRole('status')).toHaveText(`Opened: your library at ${to} is in use again.`);
  await expect(section.getByLabel('Location', { exact: true })).toHaveText(to);
  await expect(notice).toBeHidden();
  await again.close();
  await library.expectCount('1 generation');
  await expect(library.card(PROMPT)).toBeVisible();
});
