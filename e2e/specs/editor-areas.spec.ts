// Areas, shortcuts and warnings, as a person meets them.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { EditorPage, startPainting } from '../pages/editor-page';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

test('the empty editor invites a photo, and the area limit is visible', async ({ studio }) => {
  const { ui, page } = studio;
  const editor = new EditorPage(page);
  await expect(editor.editor.getByText('Paint what moves')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await editor.button('Choose a photo…').click();
  await (await chooser).setFiles(START);
  await editor.waitForCanvas();
  await expect(ui.startFrame).toBeVisible();

  await expect(editor.editor.getByText('1 / 6')).toBeVisible();
  for (let i = 0; i < 5; i++) await editor.button('Add moving area').click();
  await expect(editor.editor.getByText('6 / 6')).toBeVisible();
  await expect(editor.button('Add moving area')).toBeDisabled();
  await expect(editor.editor.getByText(/at most 6 moving areas/)).toBeVisible();
  await editor.button('Delete Motion 3').click();
  await expect(editor.editor.getByText('5 / 6')).toBeVisible();
  await expect(editor.button('Add moving area')).toBeEnabled();

  // Reorder: Motion 5 moves up one place in Kling's order.
  await editor.button('Move Motion 5 up').click();
  await expect(editor.moving.getByRole('listitem').nth(2)).toHaveAccessibleName('Motion 5');
  // Hide / show is a view change: it is not an undo step, and a hidden area that is painted is still sent (said).
  await editor.selectArea('Motion 1');
  await editor.fillRect({ x: 100, y: 100 }, { x: 200, y: 200 });
  const undoBefore = await editor.button(/^Undo/).getAttribute('aria-label');
  await editor.button('Hide Motion 1').click();
  await expect(editor.button('Show Motion 1')).toHaveAttribute('aria-pressed', 'true');
  await expect(editor.warnings).toContainText('Motion 1 is hidden here but will be sent.');
  await expect(editor.button(/^Undo/)).toHaveAttribute('aria-label', undoBefore ?? '');
});

test('single-key shortcuts pick tools and areas, but not while typing; ? lists them all', async ({ studio }) => {
  const { ui, page } = studio;
  const editor = new EditorPage(page);
  await ui.openStartFrame(START);
  await editor.waitForCanvas();
  await editor.button('Add moving area').click();

  await editor.canvas.focus();
  await page.keyboard.press('e');
  await expect(editor.tool('Eraser')).toHaveAttribute('aria-pressed', 'true');
  const size = page.getByRole('slider', { name: 'Brush size in image pixels' });
  const before = Number(await size.inputValue());
  await page.keyboard.press(']');
  await expect.poll(async () => Number(await size.inputValue())).toBeGreaterThan(before);
  await page.keyboard.press('t');
  await expect(editor.tool('Path')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('0');
  await expect(editor.button('Select Still')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('2');
  await expect(editor.button('Select Motion 2')).toHaveAttribute('aria-pressed', 'true');

  await ui.prompt.fill('a boat drifts left');
  await expect(editor.tool('Path')).toHaveAttribute('aria-pressed', 'true');
  await expect(ui.prompt).toHaveValue('a boat drifts left');

  await editor.canvas.focus();
  await page.keyboard.press('?');
  await expect(editor.shortcutsDialog).toBeVisible();
  await expect(editor.shortcutsDialog.getByText('Lasso fill')).toBeVisible();
  await expect(editor.shortcutsDialog.getByText('Ctrl+Shift+Z')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor.shortcutsDialog).toBeHidden();
});

test('in a 900×600 window the shortcuts list scrolls alone: the title and Close stay in sight, and Close has the focus', async ({ studio }) => {
  const { page } = studio;
  const editor = new EditorPage(page);
  await page.setViewportSize({ width: 900, height: 600 });
  await studio.ui.openStartFrame(START);
  await editor.waitForCanvas();
  await page.keyboard.press('?');
  const dialog = editor.shortcutsDialog;
  await expect(dialog).toBeVisible();
  const list = dialog.getByRole('group', { name: 'Shortcut list' });
  expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight), 'the list is longer than the window').toBe(true);
  await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
  const close = dialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeInViewport({ ratio: 1 });
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
});

test('[ and ] size the brush and the eraser only: with a tool that has no Size they change nothing unseen', async ({ studio }) => {
  const { page } = studio;
  const editor = await startPainting(studio, START);
  await editor.useTool('Brush');
  await editor.setBrushSize(40);
  for (const tool of ['Path', 'Rectangle fill', 'Lasso fill', 'Magic wand'] as const) {
    await editor.useTool(tool);
    await expect(editor.brushSize).toBeHidden();
    await editor.canvas.focus();
    for (const key of ['[', '[', ']', '[']) await page.keyboard.press(key);
  }
  await editor.useTool('Eraser');
  await expect(editor.brushSize).toHaveValue('40');
  // With a sized tool they act, and the slider shows it.
  await editor.canvas.focus();
  await page.keyboard.press('[');
  await expect(editor.brushSize).toHaveValue('32');
  await page.keyboard.press('?');
  await expect(editor.shortcutsDialog.getByText('Smaller brush or eraser')).toBeVisible();
  await expect(editor.shortcutsDialog.getByText('Larger brush or eraser')).toBeVisible();
});

test('paths: click points, move one, delete one, reverse; warnings tell what is missing', async ({ studio }) => {
  const { page } = studio;
  const editor = await startPainting(studio, START);
  await editor.fillRect({ x: 100, y: 100 }, { x: 300, y: 300 });
  await expect(editor.warnings).toContainText('Motion 1 has no path');

  await editor.useTool('Path');
  await editor.click({ x: 500, y: 200 });
  await editor.click({ x: 700, y: 300 });
  await editor.click({ x: 900, y: 200 });
  await page.keyboard.press('Enter');
  await expect(editor.pathPoints).toHaveText('3 points sent');
  await expect(editor.warnings).toContainText("Motion 1's path starts outside its area");

  // Drag the first point into the area: the warning goes.
  await editor.drag([{ x: 500, y: 200 }, { x: 200, y: 200 }]);
  await expect(editor.warnings).toHaveCount(0);

  // Select the middle point and delete it.
  await editor.click({ x: 700, y: 300 });
  await expect(editor.pathPoints).toContainText('point 2 selected');
  await page.keyboard.press('Delete');
  await expect(editor.pathPoints).toHaveText('2 points sent');
  await editor.button('Reverse path').click();
  await expect(editor.warnings).toContainText('starts outside');
  await page.keyboard.press('Control+z');
  await expect(editor.warnings).toHaveCount(0);

  // Double-click finishes a clicked path too.
  await editor.button('Clear path').click();
  await expect(editor.pathPoints).toHaveText('No path yet');
  await editor.click({ x: 150, y: 150 });
  const end = await editor.toPage({ x: 1000, y: 600 });
  await page.mouse.dblclick(end.x, end.y);
  await expect(editor.pathPoints).toHaveText('2 points sent');
});
