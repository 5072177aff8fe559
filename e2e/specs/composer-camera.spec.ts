// Camera control through the composer: Simple sends six numbers with one non-zero, a model without camera control is
// refused with the reason and the nearest model that has it, presets say why they are unavailable and send no config
// where a gateway's model takes them, and Play previews a Simple move.
import { join } from 'node:path';
import { expect, SANDBOX_CREDENTIALS, test } from '../fixtures';
import { ComposerPanel } from '../pages/composer-panel';
import { EditorPage } from '../pages/editor-page';
import { SettingsDialog } from '../pages/settings-dialog';

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
  await studio.ui.expectGenerateOff();
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

test.describe('through a gateway that adds a model the table does not know', () => {
  test.use({ sandboxExtraModels: ['kling-v3'] });

  test('a preset move sends its type and no config', async ({ studio }) => {
    const { ui, page, sandbox } = studio;
    const composer = new ComposerPanel(page);
    const settings = new SettingsDialog(page);
    await settings.open();
    await settings.addGateway({ name: 'Relay', baseUrl: sandbox.baseUrl, token: SANDBOX_CREDENTIALS.gatewayToken, modelField: 'model_name' });
    await settings.close();

    await ui.openStartFrame(START);
    await composer.model.selectOption({ label: 'Another model (type its name)…' });
    await composer.modelName.fill('kling-v3');
    await expect(page.getByText('kling-v3 is sent as typed')).toBeVisible();
    // The table documents no preset for image-to-video, but a model it does not know may take them.
    await composer.chooseCamera('Down and back');
    await expect(composer.check('Warning', 'kling-v3 is not in this app')).toBeVisible();
    await ui.prompt.fill('down and back');
    await ui.generateButton.click();

    await expect.poll(() => sandbox.tasks().length).toBe(1);
    const [post] = sandbox.received.filter((r) => r.method === 'POST');
    const body = post?.body as Record<string, unknown>;
    expect(body.model_name).toBe('kling-v3');
    expect(body.camera_control).toEqual({ type: 'down_back' });
  });
});

test('Play previews a Simple camera move on the start frame, and Stop puts the picture back', async ({ studio }) => {
  const { ui, page } = studio;
  const composer = new ComposerPanel(page);
  const editor = new EditorPage(page);
  await ui.openStartFrame(START);
  await editor.waitForCanvas();
  await composer.chooseModel('kling-v1-5');
  await composer.option('Mode', 'Professional').check();
  await composer.chooseCamera('Simple (one axis)');
  await composer.cameraAxis('zoom').check();
  await composer.setCameraAmount(10);

  const canvas = page.getByRole('application', { name: /^Motion brush canvas/ });
  const still = await canvas.screenshot();
  await page.getByRole('button', { name: 'Play motion preview' }).click();
  await expect.poll(async () => (await canvas.screenshot()).equals(still)).toBe(false);
  await page.getByRole('button', { name: 'Stop motion preview' }).click();
  await expect.poll(async () => (await canvas.screenshot()).equals(still)).toBe(true);
});
