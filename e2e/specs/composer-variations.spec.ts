// Variations: Generate sends that many tasks from the same inputs, each with its own external_task_id, and no more,
// even when a create's answer is lost to a reset.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { ComposerPanel } from '../pages/composer-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

test('Variations 3 makes three tasks with three ids, even when a create is answered with a reset', async ({ studio }) => {
  const composer = new ComposerPanel(studio.page);
  await studio.ui.openStartFrame(START);
  await studio.ui.prompt.fill('three takes');
  await composer.variations.fill('3');
  await expect(composer.variations).toHaveValue('3');
  studio.sandbox.faults.inject({ method: 'POST', kind: 'reset-after' });
  await studio.ui.generateButton.click();

  await expect.poll(() => studio.sandbox.tasks().length, { timeout: 30_000 }).toBe(3);
  const ids = studio.sandbox.tasks().map((t) => t.body.external_task_id);
  expect(new Set(ids).size).toBe(3);
  await expect(studio.page.getByRole('article', { name: 'Generation: three takes' })).toHaveCount(3);
  expect(studio.sandbox.tasks()).toHaveLength(3);
});
