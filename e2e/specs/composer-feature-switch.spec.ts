// End frame, motion brush and camera control exclude each other: the composer says which one the request uses, asks
// before a switch leaves work behind, keeps that work (switching back sends it again), and undo gives a switch back.
// Every check is on what the sandbox received after Generate.
import { join } from 'node:path';
import { expect, test, type StudioApp } from '../fixtures';
import { ComposerPanel } from '../pages/composer-panel';
import { creates, EditorPage } from '../pages/editor-page';
import { FramesPanel } from '../pages/frames-panel';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const START = join(FIXTURES, 'start-1280x720.jpg');
const END = join(FIXTURES, 'end-960x720.jpg');
const SIMPLE_PAN = { type: 'simple', config: { horizontal: 0, vertical: 0, pan: -3.5, tilt: 0, roll: 0, zoom: 0 } };

type Body = Record<string, unknown>;

/** Generate and give back the body the sandbox received, after checking it was accepted. */
async function generate(studio: StudioApp, prompt: string): Promise<Body> {
  const before = creates(studio.sandbox).length;
  await studio.ui.prompt.fill(prompt);
  await studio.ui.generateButton.click();
  await expect.poll(() => studio.sandbox.tasks().length).toBe(before + 1);
  return creates(studio.sandbox)[before] ?? {};
}

/** Which of the three groups a body carries. */
const groups = (body: Body) => ({
  endFrame: body.image_tail !== undefined,
  motionBrush: body.static_mask !== undefined || body.dynamic_masks !== undefined,
  camera: body.camera_control !== undefined,
});
const only = (feature: 'endFrame' | 'motionBrush' | 'camera') => ({
  endFrame: feature === 'endFrame',
  motionBrush: feature === 'motionBrush',
  camera: feature === 'camera',
});

/** kling-v1-5 Professional 5 s takes all three (one at a time). */
async function setUp(studio: StudioApp): Promise<{ composer: ComposerPanel; editor: EditorPage }> {
  const composer = new ComposerPanel(studio.page);
  const editor = new EditorPage(studio.page);
  await studio.ui.openStartFrame(START);
  await editor.waitForCanvas();
  await composer.chooseModel('kling-v1-5');
  await composer.option('Mode', 'Professional').check();
  return { composer, editor };
}

/** Paints the still area; while another feature holds work, the first press only asks. */
async function paintStill(editor: EditorPage, composer: ComposerPanel, ask: boolean): Promise<void> {
  await editor.selectArea('Still');
  await editor.fillRect({ x: 100, y: 100 }, { x: 400, y: 300 });
  if (!ask) return;
  await expect(composer.switchDialog).toHaveAccessibleName('Use motion brush instead?');
  await composer.answerSwitch('yes');
  await editor.fillRect({ x: 100, y: 100 }, { x: 400, y: 300 });
}

test('switching end frame → brush → camera → back keeps each one’s work', async ({ studio }) => {
  const { composer, editor } = await setUp(studio);
  const frames = new FramesPanel(studio.page);

  // End frame: nothing else holds work, so it is taken without a question.
  await frames.open('end', END);
  await expect(composer.feature('End frame')).toBeChecked();
  const first = await generate(studio, 'end frame');
  expect(groups(first)).toEqual(only('endFrame'));

  // Motion brush: painting asks first, and says the end frame is kept.
  await editor.selectArea('Still');
  await editor.fillRect({ x: 100, y: 100 }, { x: 400, y: 300 });
  await expect(composer.switchDialog).toContainText('Your end frame (end-960x720.jpg) is kept and comes back when you switch back.');
  await composer.answerSwitch('yes');
  await editor.fillRect({ x: 100, y: 100 }, { x: 400, y: 300 });
  await expect(composer.feature('Motion brush')).toBeChecked();
  await expect(composer.featureState('End frame')).toContainText('Kept, not sent: end-960x720.jpg');
  await expect(frames.endHint).toContainText('This end frame is kept, not sent: the request uses the motion brush.');
  const second = await generate(studio, 'brush');
  expect(groups(second)).toEqual(only('motionBrush'));

  // Camera control: choosing a movement asks first, and says the painted area is kept.
  await composer.cameraMovement.selectOption({ label: 'Simple (one axis)' });
  await expect(composer.switchDialog).toHaveAccessibleName('Use camera control instead?');
  await expect(composer.switchDialog).toContainText('Your 1 painted area is kept and comes back when you switch back.');
  await composer.answerSwitch('yes');
  await composer.cameraAxis('pan').check();
  await composer.setCameraAmount(-3.5);
  await expect(composer.feature('Camera control')).toBeChecked();
  const third = await generate(studio, 'camera');
  expect(groups(third)).toEqual(only('camera'));
  expect(third.camera_control).toEqual(SIMPLE_PAN);

  // Back, one by one: each sends exactly what it sent before.
  await composer.feature('End frame').click();
  await expect(composer.switchDialog).toContainText('Your camera settings (Simple, pan -3.5) are kept');
  await composer.answerSwitch('yes');
  await expect(composer.cameraKept).toHaveText(/^Kept, not sent: the request uses an end frame\./);
  const endAgain = await generate(studio, 'end frame again');
  expect(groups(endAgain)).toEqual(only('endFrame'));
  expect(endAgain.image_tail).toBe(first.image_tail);

  await composer.feature('Motion brush').click();
  await composer.answerSwitch('yes');
  const brushAgain = await generate(studio, 'brush again');
  expect(groups(brushAgain)).toEqual(only('motionBrush'));
  expect(brushAgain.static_mask).toBe(second.static_mask);

  await composer.feature('Camera control').click();
  await composer.answerSwitch('yes');
  await expect(composer.cameraMovement.locator('option:checked')).toHaveText('Simple (one axis)');
  const cameraAgain = await generate(studio, 'camera again');
  expect(groups(cameraAgain)).toEqual(only('camera'));
  expect(cameraAgain.camera_control).toEqual(SIMPLE_PAN);
});

test('cancelling the question keeps everything as it was', async ({ studio }) => {
  const { composer, editor } = await setUp(studio);
  await paintStill(editor, composer, false);
  await expect(composer.feature('Motion brush')).toBeChecked();

  await composer.cameraMovement.selectOption({ label: 'Simple (one axis)' });
  await composer.answerSwitch('cancel');
  await expect(composer.cameraMovement.locator('option:checked')).toHaveText('None');
  await expect(composer.feature('Motion brush')).toBeChecked();
  await expect(composer.featureState('Motion brush')).toContainText('Sent: 1 painted area');

  await composer.feature('Camera control').click();
  await composer.answerSwitch('cancel');
  await expect(composer.feature('Motion brush')).toBeChecked();

  const body = await generate(studio, 'still brush');
  expect(groups(body)).toEqual(only('motionBrush'));
});

test('undo gives back the feature left by a switch, and its work; redo switches again', async ({ studio }) => {
  const { composer, editor } = await setUp(studio);
  await paintStill(editor, composer, false);
  await composer.cameraMovement.selectOption({ label: 'Simple (one axis)' });
  await composer.answerSwitch('yes');
  await expect(composer.feature('Camera control')).toBeChecked();
  // The camera's own settings, made after the switch, are no undo step: undoing the switch must not take them back.
  await composer.cameraAxis('pan').check();
  await composer.setCameraAmount(-3.5);

  const undo = editor.button(/^Undo/);
  await expect(undo).toHaveAccessibleName('Undo switch to camera control');
  await undo.click();
  await expect(composer.feature('Motion brush')).toBeChecked();
  await expect(editor.button(/^Redo/)).toHaveAccessibleName('Redo switch to camera control');
  await expect(composer.cameraMovement.locator('option:checked')).toHaveText('None');
  const body = await generate(studio, 'brush after undo');
  expect(groups(body)).toEqual(only('motionBrush'));

  await editor.canvas.focus();
  await studio.page.keyboard.press('Control+Shift+Z');
  await expect(composer.feature('Camera control')).toBeChecked();
  await expect(composer.cameraMovement.locator('option:checked')).toHaveText('Simple (one axis)');
  const redone = await generate(studio, 'camera after redo');
  expect(groups(redone)).toEqual(only('camera'));
  expect(redone.camera_control).toEqual(SIMPLE_PAN);

  // Undone again, then the movement chosen anew: its settings are still there.
  await editor.canvas.focus();
  await studio.page.keyboard.press('Control+Z');
  await expect(composer.cameraMovement.locator('option:checked')).toHaveText('None');
  await composer.cameraMovement.selectOption({ label: 'Simple (one axis)' });
  await composer.answerSwitch('yes');
  await expect(composer.cameraAxis('pan')).toBeChecked();
  await expect(composer.cameraAmount).toHaveValue('-3.5');
  const chosenAgain = await generate(studio, 'camera chosen again');
  expect(chosenAgain.camera_control).toEqual(SIMPLE_PAN);
});

test('a frame swapped into the end slot while camera control is in use is kept, not sent, and said so', async ({ studio }) => {
  const { composer } = await setUp(studio);
  const frames = new FramesPanel(studio.page);
  await frames.open('end', END);
  await expect(composer.feature('End frame')).toBeChecked(); // the file is read before it is set
  await composer.cameraMovement.selectOption({ label: 'Simple (one axis)' });
  await expect(composer.switchDialog).toHaveAccessibleName('Use camera control instead?');
  await composer.answerSwitch('yes');
  await composer.cameraAxis('pan').check();
  await composer.setCameraAmount(-3.5);

  // Swapping moves the frames without turning the end frame on: no question, camera control stays in use.
  await frames.swap();
  await expect(frames.image('end')).toHaveAccessibleName(/start-1280x720\.jpg/);
  await expect(frames.endHint).toHaveText('This end frame is kept, not sent: the request uses camera control.');
  await expect(composer.featureState('End frame')).toContainText('Kept, not sent: start-1280x720.jpg');
  await expect(composer.feature('Camera control')).toBeChecked();
  await expect(composer.switchDialog).toHaveCount(0);

  const body = await generate(studio, 'camera after swap');
  expect(groups(body)).toEqual(only('camera'));
  expect(body.camera_control).toEqual(SIMPLE_PAN);
});
