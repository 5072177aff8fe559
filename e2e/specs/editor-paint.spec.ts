// Painting with real pointer events at several zooms and pans, then checking the pixels Kling received.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { ComposerPanel } from '../pages/composer-panel';
import { creates, EditorPage, isBinary, pixel, sentMotion, startPainting, whiteCount } from '../pages/editor-page';
import { FramesPanel } from '../pages/frames-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const W = 1280;
const H = 720;

test('rectangles and brush dabs painted at several zooms and pans land on the right pixels', async ({ studio }) => {
  const { ui, sandbox, page } = studio;
  const editor = new EditorPage(page);
  await expect(page.getByText('Paint what moves')).toBeVisible();
  await ui.openStartFrame(START);
  await editor.waitForCanvas();

  // Fitted view: a moving rectangle.
  await editor.selectArea('Motion 1');
  await editor.fillRect({ x: 100, y: 100 }, { x: 300, y: 200 });

  // Zoomed in twice and panned with space-drag: a second rectangle.
  await editor.zoomIn(2);
  await editor.panBy(-60, -40);
  await editor.fillRect({ x: 640, y: 330 }, { x: 700, y: 380 });

  // Panned with the middle button at yet another zoom: the still area gets a brush dab.
  await editor.zoomIn(1);
  await editor.panWithMiddleButton(50, 30);
  await editor.selectArea('Still');
  await editor.useTool('Brush');
  await editor.setBrushSize(40);
  const view = await editor.view();
  // Somewhere on screen at this zoom.
  const box = await editor.canvas.boundingBox();
  const dabAt = {
    x: Math.round(((box?.width ?? 400) / 2 - view.x) / view.scale),
    y: Math.round(((box?.height ?? 300) / 2 - view.y) / view.scale),
  };
  await editor.dab(dabAt);

  // A path from the top-left towards the bottom-right.
  await editor.fit();
  await editor.selectArea('Motion 1');
  await editor.useTool('Path');
  await editor.drag([{ x: 200, y: 150 }, { x: 640, y: 420 }, { x: 1100, y: 650 }], 12);
  await expect(editor.pathPoints).toContainText('points sent');

  await ui.prompt.fill('The box slides away');
  await ui.generateButton.click();
  await expect(ui.card('The box slides away')).toBeVisible();
  await expect.poll(() => creates(sandbox).length).toBe(1);
  const body = creates(sandbox)[0] ?? {};
  expect(body.model_name).toBe('kling-v1');
  expect(body.duration).toBe('5');
  const sent = sentMotion(body);

  // Single-channel, binary, at the start frame's exact size.
  expect(sent.colourTypes).toEqual([0, 0]);
  const still = sent.staticMask;
  const moving = sent.dynamic[0]?.mask;
  if (!still || !moving) throw new Error('both masks should have been sent');
  for (const m of [still, moving]) {
    expect([m.width, m.height]).toEqual([W, H]);
    expect(isBinary(m)).toBe(true);
  }
  expect(sent.dynamic).toHaveLength(1);

  // White = the painted area. Check well inside and well outside each shape (a screen pixel is several image pixels
  // at the fitted zoom).
  expect(pixel(moving, 110, 110)).toBe(255);
  expect(pixel(moving, 290, 190)).toBe(255);
  expect(pixel(moving, 200, 150)).toBe(255);
  expect(pixel(moving, 90, 150)).toBe(0);
  expect(pixel(moving, 310, 150)).toBe(0);
  expect(pixel(moving, 200, 90)).toBe(0);
  expect(pixel(moving, 200, 210)).toBe(0);
  expect(pixel(moving, 645, 335)).toBe(255);
  expect(pixel(moving, 695, 375)).toBe(255);
  expect(pixel(moving, 636, 355)).toBe(0);
  expect(pixel(moving, 704, 355)).toBe(0);
  const rects = 200 * 100 + 60 * 50;
  expect(Math.abs(whiteCount(moving) - rects)).toBeLessThan(0.06 * rects);

  // The dab: a disc of diameter 40 around the point (minus whatever the moving area owns there).
  expect(pixel(still, dabAt.x, dabAt.y)).toBe(255);
  expect(pixel(still, dabAt.x + 15, dabAt.y)).toBe(255);
  expect(pixel(still, dabAt.x + 24, dabAt.y)).toBe(0);
  expect(pixel(still, dabAt.x, dabAt.y - 24)).toBe(0);
  expect(Math.abs(whiteCount(still) - Math.PI * 20 * 20)).toBeLessThan(0.15 * Math.PI * 20 * 20);

  // The path, in Kling's bottom-left coordinates: starts near (200, 720 − 150), runs down in y, stays inside.
  const path = sent.dynamic[0]?.trajectory ?? [];
  expect(path.length).toBeGreaterThanOrEqual(2);
  expect(path.length).toBeLessThanOrEqual(77);
  const first = path[0] ?? { x: -1, y: -1 };
  const last = path[path.length - 1] ?? { x: -1, y: -1 };
  expect(Math.abs(first.x - 200)).toBeLessThan(8);
  expect(Math.abs(first.y - (H - 150))).toBeLessThan(8);
  expect(Math.abs(last.x - 1100)).toBeLessThan(8);
  expect(Math.abs(last.y - (H - 650))).toBeLessThan(8);
  expect(first.y).toBeGreaterThan(last.y);
  for (const p of path) {
    expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
    expect(p.x).toBeGreaterThanOrEqual(0);
    expect(p.x).toBeLessThanOrEqual(W - 1);
    expect(p.y).toBeGreaterThanOrEqual(0);
    expect(p.y).toBeLessThanOrEqual(H - 1);
  }
  // The count the person saw is the count sent.
  await expect(editor.pathPoints).toContainText(`${path.length} points sent`);
});

test('painting an area takes the pixels from the area that had them', async ({ studio }) => {
  const { ui, sandbox } = studio;
  const editor = await startPainting(studio, START);
  await editor.fillRect({ x: 100, y: 100 }, { x: 500, y: 400 });
  await editor.useTool('Path');
  await editor.drag([{ x: 300, y: 250 }, { x: 700, y: 300 }]);
  await editor.selectArea('Still');
  await editor.fillRect({ x: 300, y: 200 }, { x: 800, y: 600 });

  await ui.prompt.fill('Overlap');
  await ui.generateButton.click();
  await expect.poll(() => creates(sandbox).length).toBe(1);
  const sent = sentMotion(creates(sandbox)[0] ?? {});
  const still = sent.staticMask;
  const moving = sent.dynamic[0]?.mask;
  if (!still || !moving) throw new Error('both masks should have been sent');
  let both = 0;
  for (let i = 0; i < still.pixels.length; i++) if (still.pixels[i] === 255 && moving.pixels[i] === 255) both++;
  expect(both).toBe(0);
  expect(pixel(still, 400, 300)).toBe(255); // the overlap went to the still area, painted last
  expect(pixel(moving, 400, 300)).toBe(0);
  expect(pixel(moving, 200, 150)).toBe(255); // the rest of the moving area is untouched
});

test('with an end frame in use, only a press that paints asks to use the motion brush', async ({ studio }) => {
  const { ui, sandbox, page } = studio;
  const editor = new EditorPage(page);
  const frames = new FramesPanel(page);
  const composer = new ComposerPanel(page);
  await ui.openStartFrame(START);
  await editor.waitForCanvas();
  await frames.open('end', join(import.meta.dirname, '..', 'fixtures', 'end-960x720.jpg'));
  await expect(composer.feature('End frame')).toBeChecked();

  // A path paints nothing: it is drawn at once, kept with the moving area, without a question.
  await editor.selectArea('Motion 1');
  await editor.useTool('Path');
  await editor.drag([{ x: 200, y: 150 }, { x: 640, y: 420 }, { x: 1100, y: 650 }], 12);
  await expect(editor.pathPoints).toContainText('points sent');
  // Nor does the eraser: the keys still reach the editor afterwards (an open question would hold them).
  await editor.useTool('Eraser');
  await editor.drag([{ x: 100, y: 100 }, { x: 300, y: 200 }]);
  await editor.canvas.focus();
  await page.keyboard.press('b');
  await expect(editor.tool('Brush')).toHaveAttribute('aria-pressed', 'true');
  await expect(composer.switchDialog).toHaveCount(0);

  // The brush paints: asked first; Cancel leaves the end frame in use and the area unpainted.
  await editor.drag([{ x: 100, y: 100 }, { x: 300, y: 200 }]);
  await composer.answerSwitch('cancel');
  await expect(composer.feature('End frame')).toBeChecked();
  await expect(composer.featureState('Motion brush')).toContainText('Not used');

  await ui.prompt.fill('End frame wins');
  await ui.generateButton.click();
  await expect.poll(() => creates(sandbox).length).toBe(1);
  const body = creates(sandbox)[0] ?? {};
  expect(body.image_tail).toBeDefined();
  expect(body.dynamic_masks).toBeUndefined();
  expect(body.static_mask).toBeUndefined();
});

test('a lasso fills exactly the drawn polygon', async ({ studio }) => {
  const { ui, sandbox } = studio;
  const editor = await startPainting(studio, START);
  await editor.useTool('Lasso fill');
  await editor.drag([{ x: 100, y: 100 }, { x: 500, y: 100 }, { x: 100, y: 500 }, { x: 100, y: 101 }], 10);
  await editor.useTool('Path');
  await editor.drag([{ x: 150, y: 150 }, { x: 600, y: 400 }]);
  await ui.prompt.fill('Lasso');
  await ui.generateButton.click();
  await expect.poll(() => creates(sandbox).length).toBe(1);
  const mask = sentMotion(creates(sandbox)[0] ?? {}).dynamic[0]?.mask;
  if (!mask) throw new Error('the lasso area should have been sent');
  expect(isBinary(mask)).toBe(true);
  for (const [x, y] of [[120, 120], [300, 150], [150, 300], [260, 230]] as const) expect(pixel(mask, x, y), `${x},${y}`).toBe(255);
  for (const [x, y] of [[90, 90], [400, 400], [320, 320], [600, 120]] as const) expect(pixel(mask, x, y), `${x},${y}`).toBe(0);
  // About half of the 400 × 400 square, within the tolerance of drawing it with the mouse.
  expect(Math.abs(whiteCount(mask) - 80_000)).toBeLessThan(4_000);
});

test('Play previews the motion on the canvas, and an edit stops it', async ({ studio }) => {
  const editor = await startPainting(studio, START);
  await editor.fillRect({ x: 100, y: 100 }, { x: 400, y: 300 });
  await editor.useTool('Path');
  await editor.drag([{ x: 250, y: 200 }, { x: 900, y: 500 }]);

  await editor.button('Play motion preview').click();
  await expect(editor.button('Stop motion preview')).toHaveAttribute('aria-pressed', 'true');
  // The picture moves: two looks at the canvas a moment apart differ.
  const first = await editor.canvas.screenshot();
  await expect.poll(async () => Buffer.compare(await editor.canvas.screenshot(), first)).not.toBe(0);

  await editor.useTool('Brush');
  await editor.dab({ x: 640, y: 600 });
  await expect(editor.button('Play motion preview')).toHaveAttribute('aria-pressed', 'false');
});
