// Cost awareness: before sending, the composer says what the same model, mode, duration and sound cost the last time
// in this library (Kling's final_unit_deduction, which the sandbox reports too), times the variations, or that no
// price is known yet. Never an invented price.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { unitsFor } from '../../electron/sandbox/tasks';
import { ComposerPanel } from '../pages/composer-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

test('the last price of the same kind of task, times the variations, or no price known yet', async ({ studio }) => {
  const { ui, page } = studio;
  const composer = new ComposerPanel(page);
  await ui.openStartFrame(START);
  await composer.option('Mode', 'Professional').check();
  await expect(composer.cost).toHaveText('CostNo price known yet for kling-v1 Professional 5 s: this library holds no such generation that Kling charged.');

  await ui.prompt.fill('priced once');
  await ui.generateButton.click();
  await expect(ui.cardStatus('priced once')).toHaveText('Ready', { timeout: 30_000 });
  const charged = unitsFor('pro', '5');
  await expect(composer.cost).toContainText(`kling-v1 Professional 5 s cost ${charged} credits the last time in this library (Sandbox`);

  await composer.variations.fill('3');
  await expect(composer.cost).toContainText(`3 variations: ${Number(charged) * 3} credits`);

  // Another duration is another price: none known.
  await composer.option('Duration', '10 s').check();
  await expect(composer.cost).toContainText('No price known yet for kling-v1 Professional 10 s');
});
