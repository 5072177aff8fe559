import { join } from 'node:path';
import { expect, test } from '../fixtures';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

// Long enough that the first three hold every slot of the Sandbox profile (three at once) during the test.
test.use({ sandboxTiming: { submittedMs: 20_000, processingMs: 20_000 } });

test('a generation waiting for a free slot can be cancelled, and is never sent', async ({ studio }) => {
  const { ui, sandbox } = studio;
  await ui.openStartFrame(START);
  for (const n of [1, 2, 3, 4]) {
    await ui.prompt.fill(`Take ${n}`);
    await ui.generateButton.click();
    await expect(ui.card(`Take ${n}`)).toBeVisible();
  }
  await expect(ui.cardStatus('Take 4')).toHaveText('Queued');
  for (const n of [1, 2, 3]) {
    await expect(ui.card(`Take ${n}`).getByRole('button', { name: /^Cancel/ })).toHaveCount(0);
  }

  await ui.card('Take 4').getByRole('button', { name: 'Cancel “Take 4”' }).click();
  await expect(ui.cardStatus('Take 4')).toHaveText('Cancelled');
  expect(sandbox.received.filter((r) => r.method === 'POST')).toHaveLength(3);
  expect(sandbox.tasks()).toHaveLength(3);
});
