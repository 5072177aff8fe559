// Sound and voices: only kling-v2-6 and later take them, voices need sound on, at most two, each named in the prompt.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { ComposerPanel } from '../pages/composer-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

test('voices need kling-v2-6 and sound on; two at most; tokens go in at the cursor', async ({ studio }) => {
  const composer = new ComposerPanel(studio.page);
  await studio.ui.openStartFrame(START);
  // kling-v1 has no sound: no switch, no voice boxes, and a line that says why.
  await expect(composer.sound).toBeHidden();
  await expect(composer.voiceBoxes).toHaveCount(0);
  await expect(studio.page.getByText('Sound and voices: kling-v2-6 and later only; kling-v1 makes silent video.')).toBeVisible();

  await composer.chooseModel('kling-v2-6');
  await composer.option('Mode', 'Professional').check();
  // Two boxes, never a third: three voices cannot be built.
  await expect(composer.voiceBoxes).toHaveCount(2);

  await studio.ui.prompt.fill('Hello there');
  await studio.ui.prompt.focus();
  await studio.page.keyboard.press('Home');
  await composer.voice(1).fill('voice-abc');
  // Each problem is said once, in the checklist (a click there goes to the field), as for every other field.
  await expect(composer.check('Error', 'Voices need sound')).toBeVisible();
  await expect(composer.check('Warning', 'Voice 1 is not used')).toBeVisible();
  await expect(studio.page.getByText(/^Voices need sound/)).toHaveCount(1);
  await expect(studio.page.getByText(/^Voice 1 is not used/)).toHaveCount(1);
  // The caret was at the start of the prompt: the token goes there.
  await studio.ui.prompt.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
  await composer.insertVoice(1).click();
  await expect(studio.ui.prompt).toHaveValue('<<<voice_1>>>Hello there');
  await expect(studio.page.locator('mark', { hasText: '<<<voice_1>>>' })).toHaveCount(1);

  await expect(composer.check('Error', 'Voices need sound')).toBeVisible();
  await studio.ui.expectGenerateOff();
  await expect(studio.ui.generateButton).toHaveAccessibleDescription(/Voices need sound/);
  expect(studio.sandbox.received.filter((r) => r.method === 'POST')).toHaveLength(0);

  await composer.sound.check();
  await expect(composer.checklist).toBeHidden();
  // Nothing is said of how voices are charged (Kling's contract does not say); the cost line prices this task only
  // from earlier tasks with voices, of which there are none yet.
  await expect(composer.cost).toContainText('No price known yet for kling-v2-6 Professional 5 s with sound and voices');
  await studio.ui.generateButton.click();
  await expect.poll(() => studio.sandbox.tasks().length).toBe(1);
  const [post] = studio.sandbox.received.filter((r) => r.method === 'POST');
  const body = post?.body as Record<string, unknown>;
  expect(body.sound).toBe('on');
  expect(body.voice_list).toEqual([{ voice_id: 'voice-abc' }]);
  expect(body.prompt).toBe('<<<voice_1>>>Hello there');
});
