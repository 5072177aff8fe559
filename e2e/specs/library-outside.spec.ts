// The library folder shared with other programs while the app runs: the command line (`npm run kling`) or a second
// app instance adding generations and moving them on, without a restart of this one.
import { expect, test } from '../fixtures';
import { makeLibrary, promptOf } from '../fixtures/make-library';
import { Library } from '../../electron/library/library';
import { LibraryPage } from '../pages/library-page';

const FROM_CLI = 'A heron lifts off the misty river';

test('a generation the command line adds while the app runs appears in the grid and moves on, without a restart', async ({ studio }) => {
  makeLibrary(studio.libraryRoot, 3);
  await studio.restart();
  const library = new LibraryPage(studio.page);
  await library.open();
  await library.expectCount('3 generations');

  // The command line's own Library over the same folder, as `npm run kling generate` has it.
  const cli = new Library({ root: studio.libraryRoot });
  const made = await cli.create({
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
    settings: { model: 'kling-v1-6', mode: 'pro', duration: '5', prompt: FROM_CLI, negativePrompt: '' },
    files: [],
    inputs: {},
    origin: 'cli',
  });
  await library.expectCount('4 generations');
  await expect(library.cards.first()).toHaveAccessibleName(`Generation: ${FROM_CLI}`);
  await cli.update(made.id, (r) => void (r.status = 'failed'));
  await cli.update(made.id, (r) => void (r.error = { message: 'Kling refused the content.' }));
  await expect(library.card(FROM_CLI)).toContainText('Kling refused the content.');
  await expect(library.card(promptOf(0))).toBeVisible();
});
