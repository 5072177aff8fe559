// Camera control through the composer: Simple sends six numbers with one non-zero, a model without camera control is
// refused with the reason and the nearest model that has it, presets say why they are unavailable.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { ComposerPanel } from '../pages/composer-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

test('Simple camera: one axis by an amount, sent as six numbers with exactly one non-zero', async ({ studio }) => {
  const composer = new ComposerPanel(studio.page);
  await studio.ui.openStartFrame(START);
  await composer.chooseModel('kling-v1-5');
  await composer.option('Mode', 'Professional').check();
  await composer.chooseCamera('Simple (one axis)');
  await expect(composer.cameraAxes.getByRole('radio')).toHaveCount(6);
  await expect(composer.cameraAxes).toContainText('turns left or right, standing in place');
  await composer.cameraAxis('pan').check();
  await composer.setCameraAmount(-3.5);
  await studio.ui.prompt.fill('the camera pans');
  await studio.ui.generateButton.click();

  await expect.poll(() => studio.sandbox.tasks().length).toBe(1);
  const posts = studio.sandbox.received.filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(1);
  const body = posts[0]?.body as Record<string, unknown>;
  expect(body.camera_control).toEqual({ type: 'simple', config: { horizontal: 0, vertical: 0, pan: -3.5, tilt: 0, roll: 0, zoom: 0 } });
});

test('camera control on kling-v1 is refused with the reason, and the nearest model that has it is one click away', async ({ studio }) => {
  const composer = new ComposerPanel(studio.page);
  await studio.ui.openStartFrame(START);
  await composer.chooseCamera('Simple (one axis)');
  await expect(composer.featureFit).toContainText('kling-v1 Standard 5 s can’t use camera control.');

  await studio.ui.prompt.fill('a zoom');
  await expect(composer.check('Error', 'cannot use camera control')).toBeVisible();
  await expect(studio.ui.generateButton).toBeDisabled();
  await expect(composer.generateHint).toContainText('cannot use camera control');
  expect(studio.sandbox.received.filter((r) => r.method === 'POST')).toHaveLength(0);

  await expect(composer.nearestCombination).toHaveText('Use kling-v1-5 Professional 5 s');
  await composer.nearestCombination.click();
  await expect(composer.model).toHaveValue('kling-v1-5');
  await expect(composer.option('Mode', 'Professional')).toBeChecked();
  await expect(composer.featureFit).toBeHidden();
  await studio.ui.generateButton.click();
  await expect.poll(() => studio.sandbox.tasks().length).toBe(1);
  expect(studio.sandbox.received.filter((r) => r.method === 'POST')).toHaveLength(1);
});

test('preset moves are listed by plain names, unavailable with the reason where no model documents them', async ({ studio }) => {
  const composer = new ComposerPanel(studio.page);
  const preset = composer.cameraMovement.locator('option', { hasText: /^Down and back/ });
  await expect(preset).toHaveText('Down and back — no image-to-video model documents it');
  await expect(preset).toBeDisabled();
  await expect(composer.cameraMovement.locator('option', { hasText: /^None/ })).toBeEnabled();
});
