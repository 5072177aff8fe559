// Undo/redo and drafts, checked on what is actually sent to Kling.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { creates, EditorPage, sentMotion, startPainting } from '../pages/editor-page';
import { ComposerPanel } from '../pages/composer-panel';
import { FramesPanel } from '../pages/frames-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

async function generate(studio: { ui: { prompt: { fill(v: string): Promise<void> }; generateButton: { click(): Promise<void> } } }, sandboxCount: () => number, prompt: string) {
  const before = sandboxCount();
  await studio.ui.prompt.fill(prompt);
  await studio.ui.generateButton.click();
  await expect.poll(sandboxCount).toBe(before + 1);
}

test('undo then redo gives back exactly the same masks and path', async ({ studio }) => {
  const { ui, sandbox, page } = studio;
  const editor = new EditorPage(page);
  const count = () => creates(sandbox).length;
  await ui.openStartFrame(START);
  await editor.waitForCanvas();
  // Nothing painted yet: the only thing to undo is opening the frame.
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo frame change');
  await expect(editor.button(/^Redo/)).toBeDisabled();

  await editor.selectArea('Motion 1');
  await editor.setBrushSize(30);
  await editor.useTool('Brush');
  await editor.drag([{ x: 200, y: 200 }, { x: 500, y: 260 }, { x: 700, y: 200 }]);
  await editor.useTool('Path');
  await editor.drag([{ x: 220, y: 200 }, { x: 600, y: 500 }]);
  await editor.selectArea('Still');
  await editor.useTool('Lasso fill');
  await editor.drag([{ x: 400, y: 150 }, { x: 900, y: 180 }, { x: 850, y: 600 }, { x: 380, y: 560 }]);
  await generate(studio, count, 'before undo');

  // Three steps back (lasso, path, brush), then three forward.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo frame change');
  await expect(editor.areaSummary('Motion 1')).toHaveAttribute('title', /empty/);
  await page.keyboard.press('Control+Shift+Z');
  await page.keyboard.press('Control+y');
  await editor.button(/^Redo/).click();
  await expect(editor.button(/^Redo/)).toBeDisabled();
  await generate(studio, count, 'after redo');

  const [a, b] = creates(sandbox).map(sentMotion);
  if (!a || !b || !a.staticMask || !b.staticMask) throw new Error('masks missing');
  expect(Buffer.from(b.staticMask.pixels).equals(Buffer.from(a.staticMask.pixels))).toBe(true);
  expect(b.dynamic).toHaveLength(1);
  expect(Buffer.from(b.dynamic[0]?.mask.pixels ?? []).equals(Buffer.from(a.dynamic[0]?.mask.pixels ?? [1]))).toBe(true);
  expect(b.dynamic[0]?.trajectory).toEqual(a.dynamic[0]?.trajectory);

  // And one undo really removes the lasso from what is sent.
  await editor.button(/^Undo/).click();
  await generate(studio, count, 'after one undo');
  const c = sentMotion(creates(sandbox)[2] ?? {});
  expect(c.staticMask).toBeNull();
});

test('Escape during a stroke puts everything back as it was', async ({ studio }) => {
  const { page } = studio;
  const editor = await startPainting(studio, START);
  await editor.useTool('Brush');
  const a = await editor.toPage({ x: 300, y: 300 });
  const b = await editor.toPage({ x: 700, y: 400 });
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await expect(editor.areaSummary('Motion 1')).not.toHaveAttribute('title', /empty/);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(editor.areaSummary('Motion 1')).toHaveAttribute('title', /empty/);
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo frame change');
});

test('a draft comes back after a reload, and New asks before discarding it', async ({ studio }) => {
  const { ui, sandbox, page } = studio;
  const editor = new EditorPage(page);
  const count = () => creates(sandbox).length;
  await ui.openStartFrame(START);
  await editor.waitForCanvas();
  await editor.selectArea('Motion 1');
  await editor.fillRect({ x: 100, y: 100 }, { x: 400, y: 300 });
  await editor.useTool('Path');
  await editor.drag([{ x: 200, y: 200 }, { x: 500, y: 260 }, { x: 900, y: 200 }], 10);
  await editor.button('Add moving area').click();
  await editor.button('Rename Motion 2').click();
  await page.getByRole('textbox', { name: 'Name of Motion 2' }).fill('Cloud');
  await page.keyboard.press('Enter');
  await editor.fillRect({ x: 800, y: 50 }, { x: 1000, y: 150 });
  await editor.useTool('Path');
  await editor.drag([{ x: 900, y: 100 }, { x: 600, y: 120 }]);
  await expect(editor.draftStatus).toHaveText('Draft saved');
  const pointsBefore = await editor.area('Motion 1').textContent();
  await generate(studio, count, 'before reload');

  await page.reload();
  await ui.waitUntilReady();
  await ui.openStartFrame(START);
  await editor.waitForCanvas();
  await expect(editor.area('Cloud')).toBeVisible();
  await expect(editor.area('Motion 1')).toHaveText(pointsBefore ?? '');
  await generate(studio, count, 'after reload');
  const [a, b] = creates(sandbox).map(sentMotion);
  expect(b?.dynamic.map((d) => d.trajectory)).toEqual(a?.dynamic.map((d) => d.trajectory));
  expect(b?.dynamic.map((d) => Buffer.from(d.mask.pixels).toString('base64'))).toEqual(
    a?.dynamic.map((d) => Buffer.from(d.mask.pixels).toString('base64')),
  );

  // New: a confirmation first; keeping changes nothing, discarding starts over.
  await editor.button('New (discard this draft)').click();
  await expect(editor.discardDialog).toBeVisible();
  await editor.discardDialog.getByRole('button', { name: 'Keep painting' }).click();
  await expect(editor.area('Cloud')).toBeVisible();
  await editor.button('New (discard this draft)').click();
  await editor.discardDialog.getByRole('button', { name: 'Discard' }).click();
  await expect(editor.area('Cloud')).toHaveCount(0);
  await expect(editor.areaSummary('Motion 1')).toHaveAttribute('title', /empty/);
});

test('replacing the start frame is undone with Ctrl+Z after the new frame’s own edits, and its painting comes back', async ({ studio }) => {
  const { ui, page } = studio;
  const editor = await startPainting(studio, START);
  await editor.fillRect({ x: 100, y: 100 }, { x: 300, y: 200 });
  await expect(editor.areaSummary('Motion 1')).not.toHaveAttribute('title', /empty/);

  await ui.openStartFrame(join(import.meta.dirname, '..', 'fixtures', 'end-960x720.jpg'));
  await expect(ui.startFrame).toHaveAccessibleName('Start frame: end-960x720.jpg');
  await editor.waitForCanvas();
  await editor.selectArea('Motion 1');
  await editor.fillRect({ x: 10, y: 10 }, { x: 50, y: 50 });

  await page.keyboard.press('Control+z'); // the rectangle on the new frame
  await expect(editor.areaSummary('Motion 1')).toHaveAttribute('title', /empty/);
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo frame change');
  await page.keyboard.press('Control+z'); // the frame change itself
  await expect(ui.startFrame).toHaveAccessibleName('Start frame: start-1280x720.jpg');
  await editor.waitForCanvas();
  await expect(editor.areaSummary('Motion 1')).not.toHaveAttribute('title', /empty/);

  await page.keyboard.press('Control+Shift+z');
  await expect(ui.startFrame).toHaveAccessibleName('Start frame: end-960x720.jpg');
});

test('an end frame set after painting is the first thing Ctrl+Z takes back', async ({ studio }) => {
  const { ui, page } = studio;
  const editor = new EditorPage(page);
  const frames = new FramesPanel(page);
  await ui.openStartFrame(START);
  await editor.waitForCanvas();
  await editor.selectArea('Motion 1');
  await editor.fillRect({ x: 100, y: 100 }, { x: 300, y: 200 });
  await frames.open('end', join(import.meta.dirname, '..', 'fixtures', 'end-960x720.jpg'));
  // The painted area is in use: the end frame asks first, and comes with the switch as one step.
  const composer = new ComposerPanel(page);
  await composer.answerSwitch('yes');
  await expect(frames.image('end')).toBeVisible();
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo switch to end frame');

  await page.keyboard.press('Control+z');
  await expect(frames.image('end')).toHaveCount(0);
  await expect(composer.feature('Motion brush')).toBeChecked();
  await expect(editor.areaSummary('Motion 1')).not.toHaveAttribute('title', /empty/);
  await page.keyboard.press('Control+z');
  await expect(editor.areaSummary('Motion 1')).toHaveAttribute('title', /empty/);

  await page.keyboard.press('Control+Shift+z');
  await expect(editor.areaSummary('Motion 1')).not.toHaveAttribute('title', /empty/);
  await page.keyboard.press('Control+Shift+z');
  await expect(frames.image('end')).toBeVisible();
});

test('the editor’s buttons come back on when the New dialog closes, though the window changed under it', async ({ studio }) => {
  const { page } = studio;
  const editor = await startPainting(studio, START);
  await editor.fillRect({ x: 100, y: 100 }, { x: 400, y: 300 });

  await editor.button('New (discard this draft)').click();
  await expect(editor.discardDialog).toBeVisible();
  // The window is made smaller while the dialog is open: the fitted picture is refitted and the zoom bar redrawn,
  // while the editor's commands are off.
  const zoomLevel = page.getByRole('group', { name: 'Zoom' }).getByLabel('Zoom level');
  const before = await zoomLevel.textContent();
  await page.setViewportSize({ width: 1000, height: 700 });
  await expect(zoomLevel).not.toHaveText(before ?? '');
  await editor.discardDialog.getByRole('button', { name: 'Keep painting' }).click();
  await expect(editor.discardDialog).toBeHidden();

  await expect(editor.button('Zoom in')).toBeEnabled();
  await expect(editor.button('Fit to window')).toBeEnabled();
  await expect(editor.tool('Brush')).toBeEnabled();
  await expect(editor.button(/^Undo/)).toBeEnabled();
  await expect(editor.button('New (discard this draft)')).toBeEnabled();
});
