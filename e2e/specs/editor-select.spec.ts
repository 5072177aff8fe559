// Object select and magic wand, through the UI with real pointer events, checked on the masks Kling receives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeGrayPng } from '../../shared/editor/png';
import { intersectionOverUnion } from '../../shared/editor/select/images';
import { expect, test, type StudioApp } from '../fixtures';
import { creates, EditorPage, pixel, sentMotion, whiteCount } from '../pages/editor-page';

// GrabCut runs in WebAssembly after loading an 11 MB engine: on a busy two-core machine a test needs minutes.
test.describe.configure({ timeout: 240_000 });

const OBJECTS = join(import.meta.dirname, '..', 'fixtures', 'objects');
const BANDS = join(import.meta.dirname, '..', 'fixtures', 'wand-bands-640x480.png');

/** Generates with `prompt` and returns what Kling received for it. */
async function generate(studio: StudioApp, prompt: string) {
  const before = creates(studio.sandbox).length;
  await studio.ui.prompt.fill(prompt);
  await studio.ui.generateButton.click();
  await expect.poll(() => creates(studio.sandbox).length).toBe(before + 1);
  return sentMotion(creates(studio.sandbox)[before] ?? {});
}

/** A moving area is only sent with a path: give Motion 1 one (left to right along the top). */
async function givePath(editor: EditorPage): Promise<void> {
  await editor.selectArea('Motion 1');
  await editor.useTool('Path');
  await editor.drag([{ x: 40, y: 30 }, { x: 320, y: 20 }, { x: 600, y: 30 }]);
}

function knownMask(name: string): Uint8Array {
  return decodeGrayPng(readFileSync(join(OBJECTS, `${name}-mask.png`))).pixels;
}

test('a box around the cup selects it, an Alt-click removes a region, undo gives back the label map exactly', async ({ studio }) => {
  const { ui, page } = studio;
  const editor = new EditorPage(page);
  await ui.openStartFrame(join(OBJECTS, 'cup-on-gravel.jpg'));
  await editor.waitForCanvas();
  await givePath(editor);

  // Something painted first, so replacing and undoing have other pixels to respect.
  await editor.selectArea('Still');
  await editor.fillRect({ x: 0, y: 380 }, { x: 640, y: 480 });
  await editor.selectArea('Motion 1');
  await editor.fillRect({ x: 20, y: 20 }, { x: 120, y: 120 });
  const before = await generate(studio, 'before the select');

  // The cup is a disc of radius 160 at (300, 250) (scripts/make-object-fixtures.sh): a box around it.
  await editor.selectObject({ x: 130, y: 80 }, { x: 470, y: 420 });
  await expect(editor.button('Undo Select object')).toBeEnabled();
  const selected = await generate(studio, 'cup selected');
  const cup = selected.dynamic[0]?.mask;
  if (!cup) throw new Error('the moving area should have been sent');
  expect(cup.width * cup.height).toBe(640 * 480);
  expect(intersectionOverUnion(cup.pixels, knownMask('cup-on-gravel'))).toBeGreaterThanOrEqual(0.9);
  // A plain drag replaces the area: the earlier rectangle is gone, and the still area lost what the cup took.
  expect(pixel(cup, 60, 60)).toBe(0);
  expect(pixel(selected.staticMask ?? cup, 300, 400)).toBe(0);

  // Alt-click on the coffee: "this is not part of it".
  await editor.click({ x: 300, y: 200 }, 'Alt');
  await editor.waitForSelection();
  const refined = (await generate(studio, 'coffee removed')).dynamic[0]?.mask;
  if (!refined) throw new Error('the moving area should still be sent');
  for (const [dx, dy] of [[0, 0], [-4, 0], [4, 0], [0, -4], [0, 4]] as const) expect(pixel(refined, 300 + dx, 200 + dy)).toBe(0);
  expect(whiteCount(refined)).toBeLessThan(whiteCount(cup));

  // Two undos (the click, then the box): pixel for pixel what was there before.
  await editor.button('Undo Select object').click();
  await editor.button('Undo Select object').click();
  const undone = await generate(studio, 'after undo');
  expect(Buffer.from(undone.dynamic[0]?.mask.pixels ?? []).equals(Buffer.from(before.dynamic[0]?.mask.pixels ?? [1]))).toBe(true);
  expect(Buffer.from(undone.staticMask?.pixels ?? []).equals(Buffer.from(before.staticMask?.pixels ?? [1]))).toBe(true);
});

test('a plain drag replaces, Shift-drag adds, Alt-drag subtracts; the brush touches up the result', async ({ studio }) => {
  const { ui, page } = studio;
  const editor = new EditorPage(page);
  await ui.openStartFrame(join(OBJECTS, 'horse-on-grass.jpg'));
  await editor.waitForCanvas();
  await givePath(editor);
  const known = knownMask('horse-on-grass');
  const horseBox = [{ x: 100, y: 50 }, { x: 540, y: 415 }] as const;

  // A plain drag: the horse.
  await editor.selectObject(...horseBox);
  const horse = (await generate(studio, 'horse')).dynamic[0]?.mask;
  if (!horse) throw new Error('the horse should have been sent');
  expect(intersectionOverUnion(horse.pixels, known)).toBeGreaterThanOrEqual(0.9);

  // A rectangle in the corner, then Shift-drag around the horse again: the rectangle stays.
  await editor.fillRect({ x: 570, y: 420 }, { x: 630, y: 470 });
  await editor.selectObject(...horseBox, 'Shift');
  const both = (await generate(studio, 'horse and rectangle')).dynamic[0]?.mask;
  if (!both) throw new Error('the area should have been sent');
  expect([pixel(both, 600, 445), pixel(both, 490, 100), pixel(both, 300, 200)]).toEqual([255, 255, 255]);

  // Alt-drag around the horse: the horse goes, the rectangle stays.
  await editor.selectObject(...horseBox, 'Alt');
  const rest = (await generate(studio, 'rectangle only')).dynamic[0]?.mask;
  if (!rest) throw new Error('the rectangle should still be sent');
  expect([pixel(rest, 600, 445), pixel(rest, 490, 100), pixel(rest, 300, 200)]).toEqual([255, 0, 0]);

  // The brush paints into the same area as always.
  await editor.useTool('Brush');
  await editor.setBrushSize(20);
  await editor.drag([{ x: 30, y: 440 }]);
  const touched = (await generate(studio, 'touched up')).dynamic[0]?.mask;
  expect(touched && pixel(touched, 30, 440)).toBe(255);
  expect(touched && whiteCount(touched)).toBeGreaterThan(whiteCount(rest));
});

test('Esc cancels a running object select and leaves the area as it was', async ({ studio }) => {
  const { ui, page } = studio;
  const editor = new EditorPage(page);
  await ui.openStartFrame(join(OBJECTS, 'cat-on-brick.jpg'));
  await editor.waitForCanvas();
  await givePath(editor);
  await editor.selectArea('Motion 1');
  // Right after choosing the tool its engine is still loading, so the select is surely still running.
  await editor.useTool('Select object');
  await editor.drag([{ x: 150, y: 40 }, { x: 510, y: 360 }]);
  await expect(editor.selectionStatus).toContainText('Selecting the object');
  await page.keyboard.press('Escape');
  await expect(editor.selectionStatus).toContainText('Selection cancelled');
  await expect(editor.areaSummary('Motion 1')).toHaveAttribute('title', /empty/);
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo Draw path');

  // The tool works again after a cancel.
  await editor.selectObject({ x: 150, y: 40 }, { x: 510, y: 360 });
  const cat = (await generate(studio, 'cat'))?.dynamic[0]?.mask;
  if (!cat) throw new Error('the cat should have been sent');
  expect(intersectionOverUnion(cat.pixels, knownMask('cat-on-brick'))).toBeGreaterThanOrEqual(0.9);
});

test('the magic wand selects contiguous similar colour within the tolerance; Shift adds', async ({ studio }) => {
  const { ui, page } = studio;
  const editor = new EditorPage(page);
  // Left third rgb(48,96,192); then a band 20 brighter per channel; then one 60 brighter holding a square of the
  // left colour that touches nothing of it.
  await ui.openStartFrame(BANDS);
  await editor.waitForCanvas();
  await givePath(editor);
  await editor.selectArea('Motion 1');
  await editor.useTool('Magic wand');
  await editor.setTolerance(10);
  await editor.click({ x: 100, y: 240 });
  await editor.waitForSelection();
  let mask = (await generate(studio, 'tolerance 10'))?.dynamic[0]?.mask;
  if (!mask) throw new Error('the wand should have selected something');
  expect([pixel(mask, 10, 10), pixel(mask, 319, 479), pixel(mask, 320, 240), pixel(mask, 570, 130)]).toEqual([255, 255, 0, 0]);
  expect(whiteCount(mask)).toBe(320 * 480);

  // Shift-click adds the island of the same colour.
  await editor.click({ x: 570, y: 130 }, 'Shift');
  await editor.waitForSelection();
  mask = (await generate(studio, 'island added'))?.dynamic[0]?.mask;
  expect(mask && whiteCount(mask)).toBe(320 * 480 + 61 * 61);

  // Tolerance 40 takes the band 20 away but not the one 60 away (nor, behind it, the island); a plain click replaces.
  await editor.setTolerance(40);
  await editor.click({ x: 100, y: 240 });
  await editor.waitForSelection();
  mask = (await generate(studio, 'tolerance 40'))?.dynamic[0]?.mask;
  if (!mask) throw new Error('the wand should have selected something');
  expect([pixel(mask, 400, 240), pixel(mask, 479, 0), pixel(mask, 480, 240), pixel(mask, 570, 130)]).toEqual([255, 255, 0, 0]);
  expect(whiteCount(mask)).toBe(480 * 480);
});

test('at the smallest window choosing any tool leaves the toolbar on one row: the canvas never moves', async ({ studio }) => {
  const { ui, page } = studio;
  const editor = new EditorPage(page);
  await page.setViewportSize({ width: 900, height: 600 });
  await ui.openStartFrame(BANDS);
  await editor.waitForCanvas();
  const canvasTop = async () => (await editor.canvas.boundingBox())?.y;
  const top = await canvasTop();

  // Each tool shows its own options, in the one place, and no other tool's.
  await editor.useTool('Magic wand');
  expect(await canvasTop()).toBe(top);
  await expect(editor.tolerance).toBeVisible();
  await expect(editor.brushSize).toBeHidden();
  await editor.useTool('Select object');
  await editor.waitForSelection();
  expect(await canvasTop()).toBe(top);
  await expect(editor.tolerance).toBeHidden();
  await expect(editor.brushSize).toBeHidden();
  await editor.useTool('Eraser');
  expect(await canvasTop()).toBe(top);
  await expect(editor.brushSize).toBeVisible();
  await expect(editor.tolerance).toBeHidden();
});
