// The composer's parameters: what each model takes, what is sent, what is kept across restarts.
import { join } from 'node:path';
import { expect, test, type StudioApp } from '../fixtures';
import { ComposerPanel } from '../pages/composer-panel';
import { FramesPanel } from '../pages/frames-panel';
import type { StudioApi } from '../../shared/ipc/api';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const START = join(FIXTURES, 'start-1280x720.jpg');
const END = join(FIXTURES, 'end-960x720.jpg');

/** The create bodies the sandbox received; every one became a task (the sandbox refused nothing). */
async function createBodies(studio: StudioApp, count: number): Promise<Record<string, unknown>[]> {
  await expect.poll(() => studio.sandbox.tasks().length).toBe(count);
  const posts = studio.sandbox.received.filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(count);
  return posts.map((p) => p.body as Record<string, unknown>);
}

test('kling-v2-6 takes no CFG scale: the slider gives way to a line and none is sent', async ({ studio }) => {
  const composer = new ComposerPanel(studio.page);
  await studio.ui.openStartFrame(START);

  await expect(composer.cfgScale).toHaveValue('0.5');
  await composer.setCfgScale(0.75);
  await expect(studio.page.getByText('0.75')).toBeVisible();
  await studio.ui.prompt.fill('with a CFG scale');
  await studio.ui.generateButton.click();
  await expect(studio.ui.card('with a CFG scale')).toBeVisible();

  await composer.chooseModel('kling-v2-6');
  await expect(composer.cfgScale).toBeHidden();
  await expect(studio.page.getByText('CFG scale: kling-v2-6 does not take one, so none is sent.')).toBeVisible();
  await studio.ui.prompt.fill('without a CFG scale');
  await studio.ui.generateButton.click();

  const [first, second] = await createBodies(studio, 2);
  expect(first?.cfg_scale).toBe(0.75);
  expect(second?.model_name).toBe('kling-v2-6');
  expect(second).not.toHaveProperty('cfg_scale');
});

test('an option the inputs cannot use stays visible, disabled, with the reason beside it', async ({ studio }) => {
  const composer = new ComposerPanel(studio.page);
  const frames = new FramesPanel(studio.page);
  await studio.ui.openStartFrame(START);
  await frames.open('end', END);
  await composer.chooseModel('kling-v2-6');
  await composer.option('Mode', 'Professional').check();

  await expect(composer.option('Mode', 'Standard')).toBeDisabled();
  await expect(composer.optionText('Mode', 'Standard')).toContainText('can’t use an end frame');
  await expect(composer.option('Duration', '10 s')).toBeEnabled();
  // Each model says what it supports, from the capability table.
  await expect(composer.model.locator('option', { hasText: /^kling-v1-5 — / })).toHaveText(/camera \(simple\)/);
});

test('prompt and parameters come back after a restart', async ({ studio }) => {
  let composer = new ComposerPanel(studio.page);
  await studio.ui.prompt.fill('The kite climbs');
  await composer.negativePrompt.fill('blur');
  await composer.chooseModel('kling-v1-6');
  await composer.option('Mode', 'Professional').check();
  await composer.option('Duration', '10 s').check();
  await composer.setCfgScale(0.3);
  // Saved a moment after the last change; ask main what it keeps before quitting.
  await expect
    .poll(() => studio.page.evaluate(async () => JSON.stringify(await (window as unknown as { studio: StudioApi }).studio.composer.loadSettings({}))))
    .toContain('"cfgScale":0.3');

  await studio.restart();
  composer = new ComposerPanel(studio.page);
  await expect(studio.ui.prompt).toHaveValue('The kite climbs');
  await expect(composer.negativePrompt).toHaveValue('blur');
  await expect(composer.model).toHaveValue('kling-v1-6');
  await expect(composer.option('Mode', 'Professional')).toBeChecked();
  await expect(composer.option('Duration', '10 s')).toBeChecked();
  await expect(composer.cfgScale).toHaveValue('0.3');
});
