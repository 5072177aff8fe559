// Cost awareness: before sending, the composer says what the same model, mode, duration, sound and voices cost the last
// time in this library (Kling's final_unit_deduction, which the sandbox reports too), times the variations, or that no
// price is known yet. Never an invented price.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { unitsFor } from '../../electron/sandbox/tasks';
import { ComposerPanel } from '../pages/composer-panel';
import { LibraryPage } from '../pages/library-page';

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

test('deleting the generation whose price is shown takes the price away, and undoing brings it back', async ({ studio }) => {
  const { ui, page } = studio;
  const composer = new ComposerPanel(page);
  const library = new LibraryPage(page);
  await ui.openStartFrame(START);
  await ui.prompt.fill('priced, then deleted');
  await ui.generateButton.click();
  await expect(ui.cardStatus('priced, then deleted')).toHaveText('Ready', { timeout: 30_000 });
  await expect(composer.cost).toContainText(`kling-v1 Standard 5 s cost ${unitsFor('std', '5')} credit`);

  await library.open();
  await library.deleteWithKey('priced, then deleted');
  await library.tab('Create').click();
  await expect(composer.cost).toContainText('No price known yet for kling-v1 Standard 5 s');

  await library.open();
  await library.undoNotice.getByRole('button', { name: 'Undo' }).click();
  await expect(library.card('priced, then deleted')).toBeVisible();
  await library.tab('Create').click();
  await expect(composer.cost).toContainText(`kling-v1 Standard 5 s cost ${unitsFor('std', '5')} credit`);
});

test('a task with voices is priced only from earlier tasks with voices, and the line says so', async ({ studio }) => {
  const { ui, page } = studio;
  const composer = new ComposerPanel(page);
  await ui.openStartFrame(START);
  await composer.chooseModel('kling-v2-6');
  await composer.option('Mode', 'Professional').check();
  await composer.sound.check();
  await ui.prompt.fill('sound, no voices');
  await ui.generateButton.click();
  await expect(ui.cardStatus('sound, no voices')).toHaveText('Ready', { timeout: 30_000 });
  const charged = unitsFor('pro', '5');
  await expect(composer.cost).toContainText(`kling-v2-6 Professional 5 s with sound, no voices cost ${charged} credits the last time`);

  // The same model, mode, duration and sound with a voice: the sound-only price is not this task's.
  await ui.prompt.fill('a voice speaks ');
  await composer.voice(1).fill('voice-abc');
  await composer.insertVoice(1).click();
  await expect(composer.cost).toContainText('No price known yet for kling-v2-6 Professional 5 s with sound and voices');
  await ui.generateButton.click();
  await expect(ui.cardStatus('a voice speaks <<<voice_1>>>')).toHaveText('Ready', { timeout: 30_000 });
  await expect(composer.cost).toContainText(`kling-v2-6 Professional 5 s with sound and voices cost ${charged} credits the last time`);

  // Without the voice again, the sound-only task's price comes back.
  await composer.voice(1).fill('');
  await expect(composer.cost).toContainText(`kling-v2-6 Professional 5 s with sound, no voices cost ${charged} credits`);
});
