// The motion brush against the capability table, through the UI: a model that cannot take it is refused with the
// nearest combination that can, one click away (and that works); a 10 s video with masks is refused.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { ComposerPanel } from '../pages/composer-panel';
import { creates, EditorPage } from '../pages/editor-page';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

async function paintMovingArea(editor: EditorPage): Promise<void> {
  await editor.waitForCanvas();
  await editor.selectArea('Motion 1');
  await editor.fillRect({ x: 100, y: 100 }, { x: 400, y: 300 });
  await editor.useTool('Path');
  await editor.drag([{ x: 250, y: 200 }, { x: 700, y: 300 }]);
}

test('motion brush on kling-v1-6 is refused with the nearest combination, and that suggestion sends', async ({ studio }) => {
  const { ui, page, sandbox } = studio;
  const composer = new ComposerPanel(page);
  const editor = new EditorPage(page);
  await ui.openStartFrame(START);
  await paintMovingArea(editor);
  // kling-v1-6 has Professional only; once the brush is in use its modes are offered disabled, so pick the mode first.
  await composer.option('Mode', 'Professional').check();
  await composer.chooseModel('kling-v1-6');
  await ui.prompt.fill('the boat drifts');

  await expect(composer.featureFit).toContainText('kling-v1-6 Professional 5 s can’t use the motion brush');
  await expect(composer.check('Error', 'cannot use the motion brush')).toBeVisible();
  await ui.expectGenerateOff();
  await expect(ui.generateButton).toHaveAccessibleDescription(/cannot use the motion brush/);
  // The checklist's line takes the person to the painted area.
  await composer.check('Error', 'cannot use the motion brush').click();
  await expect(page.getByRole('application', { name: /^Motion brush canvas.*Painting Motion 1\./ })).toBeFocused();

  await expect(composer.nearestCombination).toHaveText(/^Use kling-v1(-5)? Professional 5 s$/);
  const suggested = ((await composer.nearestCombination.textContent()) ?? '').split(' ')[1];
  await composer.nearestCombination.click();
  await expect(composer.model).toHaveValue(suggested ?? '');
  await expect(composer.featureFit).toBeHidden();
  await expect(composer.checklist.getByRole('button', { name: /^Error:/ })).toHaveCount(0);
  await ui.generateButton.click();

  await expect.poll(() => sandbox.tasks().length).toBe(1);
  const [body] = creates(sandbox);
  expect(body?.model_name).toBe(suggested);
  expect(body?.mode).toBe('pro');
  expect(body?.dynamic_masks).toHaveLength(1);
});

test('a 10 s video with painted areas is refused, and 5 s sends', async ({ studio }) => {
  const { ui, page, sandbox } = studio;
  const composer = new ComposerPanel(page);
  const editor = new EditorPage(page);
  await ui.openStartFrame(START);
  await composer.option('Duration', '10 s').check();
  await paintMovingArea(editor);
  await ui.prompt.fill('ten seconds of brush');

  await expect(composer.check('Error', 'The motion brush works only for 5 s videos')).toBeVisible();
  await ui.expectGenerateOff();
  await expect(composer.generateHint).toContainText('The motion brush works only for 5 s videos');
  await composer.check('Error', 'The motion brush works only for 5 s videos').click();
  await expect(composer.option('Duration', '10 s')).toBeFocused();
  expect(sandbox.received.filter((r) => r.method === 'POST')).toHaveLength(0);

  await composer.option('Duration', '5 s').check();
  // Once left, 10 s stays offered but disabled, with the reason beside it.
  await expect(composer.option('Duration', '10 s')).toBeDisabled();
  await expect(composer.optionText('Duration', '10 s')).toContainText('motion brush');
  await ui.generateButton.click();
  await expect.poll(() => sandbox.tasks().length).toBe(1);
  expect(creates(sandbox)[0]?.duration).toBe('5');
});
