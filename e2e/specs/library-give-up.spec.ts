// Giving up a generation Kling will not report on: sent from the UI to the sandbox, whose task queries then fail
// every time; the card offers Give up… with its warning, and the generation stays in the library as "Given up".
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import type { GenerationRecord } from '../../shared/library/generation';
import { LibraryPage } from '../pages/library-page';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const PROMPT = 'Snow falls on a silent railway station';

// Long enough that the task would still be running when the test ends, were it reported on.
test.use({ sandboxTiming: { submittedMs: 120_000, processingMs: 120_000 } });

test('a generation Kling will not report on can be given up, with the warning that it may still be charged', async ({ studio }) => {
  const { ui, sandbox, libraryRoot } = studio;
  // Every query of a task fails (Kling's 5000, server error): the engine keeps trying, the card keeps waiting.
  sandbox.faults.inject({ method: 'GET', pathPrefix: '/v1/videos/image2video/', kind: 'kling-error', code: 5000, times: 10_000 });
  await ui.openStartFrame(START);
  await ui.prompt.fill(PROMPT);
  await ui.generateButton.click();
  await expect(ui.cardStatus(PROMPT)).toHaveText('Submitted');
  await expect.poll(() => sandbox.received.filter((r) => r.method === 'GET').length).toBeGreaterThan(0);

  const library = new LibraryPage(ui.page);
  await library.open();
  const card = library.card(PROMPT);
  await expect(card.getByRole('button', { name: 'Cancel' })).toHaveCount(0); // Kling has it: it cannot be cancelled
  await card.getByRole('button', { name: `Give up “${PROMPT}”…` }).click();
  const question = card.getByRole('group', { name: 'Give up?' });
  await expect(question).toContainText('Kling may still finish it and charge for it');
  await question.getByRole('button', { name: 'Keep waiting' }).click();
  await expect(question).toHaveCount(0);
  await expect(library.cards.first().getByRole('status', { name: 'Status' })).toHaveText('Submitted');

  await card.getByRole('button', { name: `Give up “${PROMPT}”…` }).click();
  await question.getByRole('button', { name: 'Give up', exact: true }).click();
  await expect(card.getByRole('status', { name: 'Status' })).toHaveText('Given up');
  await expect(card.getByRole('button', { name: /^Give up/ })).toHaveCount(0);
  await library.filter('Status').selectOption('Given up');
  await library.expectCount('1 of 1 generation match');

  // Kept, never dropped: on disk as given up, and so after a restart (no engine picks it up again).
  const folder = (await readdir(libraryRoot)).find((n) => !n.startsWith('.')) ?? '';
  const record = JSON.parse(await readFile(join(libraryRoot, folder, 'generation.json'), 'utf8')) as GenerationRecord;
  expect(record.status).toBe('given-up');
  expect(record.taskId).toBe(sandbox.tasks()[0]?.taskId);
  await studio.restart();
  const again = new LibraryPage(studio.page);
  await again.open();
  await expect(again.card(PROMPT).getByRole('status', { name: 'Status' })).toHaveText('Given up');
});
