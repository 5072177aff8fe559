// The library folder shared with other programs while the app runs: the command line (`npm run kling`) or a second
// app instance adding generations and moving them on, without a restart of this one.
import { copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, SAMPLE_CLIP, test } from '../fixtures';
import { makeLibrary, promptOf } from '../fixtures/make-library';
import { Library, type NewGeneration } from '../../electron/library/library';
import { LibraryPage } from '../pages/library-page';
import { PlayerPage } from '../pages/player-page';

const FROM_CLI = 'A heron lifts off the misty river';
const CLI_PROFILE = { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' } as const;
const cliGeneration = (prompt: string): NewGeneration => ({
  provider: CLI_PROFILE,
  settings: { model: 'kling-v1-6', mode: 'pro', duration: '5', prompt, negativePrompt: '' },
  files: [],
  inputs: {},
  origin: 'cli',
});

test('a generation the command line adds while the app runs appears in the grid and moves on, without a restart', async ({ studio }) => {
  makeLibrary(studio.libraryRoot, 3);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.expectCount('3 generations');

  // The command line's own Library over the same folder, as `npm run kling generate` has it.
  const cli = new Library({ root: studio.libraryRoot });
  const made = await cli.create(cliGeneration(FROM_CLI));
  await library.expectCount('4 generations');
  await expect(library.cards.first()).toHaveAccessibleName(`Generation: ${FROM_CLI}`);
  await cli.update(made.id, (r) => void (r.status = 'failed'));
  await cli.update(made.id, (r) => void (r.error = { message: 'Kling refused the content.' }));
  await expect(library.card(FROM_CLI)).toContainText('Kling refused the content.');
  await expect(library.card(promptOf(0))).toBeVisible();
});

test('deleting while the command line adds and finishes a generation leaves the app, the folder and the command line agreeing', async ({ studio }) => {
  makeLibrary(studio.libraryRoot, 6);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.expectCount('6 generations');
  await library.card(promptOf(1)).click({ modifiers: ['Control'] });
  await library.card(promptOf(2)).click({ modifiers: ['Control'] });

  // The app deletes two while the command line makes one and writes its record again and again.
  const cli = new Library({ root: studio.libraryRoot });
  const adding = (async () => {
    const made = await cli.create(cliGeneration(FROM_CLI));
    for (const status of ['submitted', 'processing', 'failed'] as const) await cli.update(made.id, (r) => void (r.status = status));
    return made;
  })();
  await studio.page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /^Delete 2/ }).click();
  const made = await adding;
  await expect(library.undoNotice).toContainText('Deleted 2 generations');
  await library.expectCount('5 generations');
  await expect(library.card(FROM_CLI).getByRole('status', { name: 'Status' })).toHaveText('Failed');
  await expect(library.card(promptOf(1))).toHaveCount(0);

  // Undo puts the two back beside the new one; the command line's record is whole and its last write kept.
  await library.undoNotice.getByRole('button', { name: 'Undo' }).click();
  await library.expectCount('7 generations');
  expect((await cli.get(made.id))?.status).toBe('failed');
  const seen = await new Library({ root: studio.libraryRoot }).list();
  expect(seen.problems).toEqual([]);
  expect(seen.items.map((r) => r.settings.prompt).sort()).toEqual([FROM_CLI, ...[0, 1, 2, 3, 4, 5].map(promptOf)].sort());

  // And so after a restart: the index written at quit agrees with the folders.
  await studio.restart();
  const again = new LibraryPage(studio.page);
  await again.open();
  await again.expectCount('7 generations');
  await expect(again.card(FROM_CLI)).toBeVisible();
});

test('a download the command line runs shows its progress on the card and in the open player, and the clip plays when it ends', async ({ studio }) => {
  makeLibrary(studio.libraryRoot, 2);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.expectCount('2 generations');

  const cli = new Library({ root: studio.libraryRoot });
  const made = await cli.create(cliGeneration(FROM_CLI));
  await cli.update(made.id, (r) => {
    r.status = 'downloading';
    r.download = { receivedBytes: 250, totalBytes: 1_000 };
  });
  const status = library.card(FROM_CLI).getByRole('status', { name: 'Status' });
  await expect(status).toHaveText('Downloading 25%');
  // Its progress, as `npm run kling` saves it a few times a second: the card follows.
  await cli.update(made.id, (r) => void (r.download = { receivedBytes: 750, totalBytes: 1_000 }));
  await expect(status).toHaveText('Downloading 75%');

  // Enter opens any generation: the player says there is no clip yet, and plays it once the command line has it.
  await library.card(FROM_CLI).focus();
  await studio.page.keyboard.press('Enter');
  const player = new PlayerPage(studio.page);
  await expect(player.dialog.getByText('No clip yet: this generation is not ready.')).toBeVisible();
  await copyFile(SAMPLE_CLIP, join(cli.folderPath(made), 'result.mp4'));
  const { size } = await stat(SAMPLE_CLIP);
  await cli.update(made.id, (r) => {
    r.status = 'succeed';
    r.result = { file: 'result.mp4', bytes: size };
    delete r.download;
  });
  await player.waitForPlaying();
  await player.button('Close player').click();
  await expect(status).toHaveText('Ready');
});
