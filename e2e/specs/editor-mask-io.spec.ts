// Masks in and out through the UI: a black-and-white image imported into the selected area (scaled, thresholded,
// taking its pixels from other areas, one undo step), refused with a clear message when its ratio is wrong or it is
// no image, and exported as exactly the PNG Generate sends — an import followed by an export round-trips pixel for
// pixel.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeGrayPng, decodeGrayPng } from '../../shared/editor/png';
import { expect, test } from '../fixtures';
import { EditorPage, creates, generateAndCapture, pixel, whiteCount } from '../pages/editor-page';
import { MotionPanel } from '../pages/motion-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const W = 1280;
const H = 720;

/** A mask with a disc and a bar, with grey levels either side of the threshold (200 is in, 60 is out). */
function drawnMask(width: number, height: number, scale: number): Uint8Array {
  const px = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inDisc = Math.hypot(x - 400 * scale, y - 300 * scale) < 150 * scale;
      const inBar = x >= 800 * scale && x < 1100 * scale && y >= 500 * scale && y < 560 * scale;
      const faint = x >= 50 * scale && x < 150 * scale && y >= 600 * scale && y < 700 * scale;
      px[y * width + x] = inDisc ? 255 : inBar ? 200 : faint ? 60 : 0;
    }
  }
  return px;
}

test('an imported mask fills the selected area and exports back pixel for pixel, as sent', async ({ studio }, testInfo) => {
  test.setTimeout(90_000);
  const editor = new EditorPage(studio.page);
  test.skip(!studio.host, 'the save dialog is answered by the recording desktop of the Chromium host');
  const motion = new MotionPanel(studio.page, studio.host);
  await studio.ui.openStartFrame(START);
  await editor.waitForCanvas();

  // Motion 2 owns a patch the imported disc covers; importing into Motion 1 takes it over.
  await editor.button('Add moving area').click();
  await editor.selectArea('Motion 2');
  await editor.fillRect({ x: 350, y: 250 }, { x: 450, y: 350 });
  await editor.fillRect({ x: 1000, y: 50 }, { x: 1100, y: 150 });
  // As painted (how many pixels a dragged rectangle covers depends on the view's scale, so it is read, not assumed).
  const motion2Before = await motion.exportMask(testInfo.outputDir);
  await editor.selectArea('Motion 1');
  await expect(editor.button('Export mask')).toBeDisabled(); // nothing painted, nothing to send

  const full = testInfo.outputPath('editor-mask-full.png');
  const drawn = drawnMask(W, H, 1);
  await writeFile(full, encodeGrayPng(W, H, drawn));
  await motion.importMask(full);
  await expect(motion.maskMessage).toContainText('editor-mask-full.png imported into Motion 1');
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo Import mask into Motion 1');

  const expected = drawn.map((v) => (v >= 128 ? 255 : 0));
  const exported = await motion.exportMask(testInfo.outputDir);
  expect(exported.name).toBe('dynamic_mask_1.png');
  const image = decodeGrayPng(new Uint8Array(exported.bytes));
  expect([image.width, image.height]).toEqual([W, H]);
  expect(Buffer.compare(Buffer.from(image.pixels), Buffer.from(expected))).toBe(0);
  // Exporting that export and importing it again changes nothing: the same bytes come out.
  const again = testInfo.outputPath('editor-mask-again.png');
  await writeFile(again, exported.bytes);
  await motion.importMask(again);
  await expect(motion.maskMessage).toContainText('editor-mask-again.png imported');
  expect(Buffer.compare((await motion.exportMask(testInfo.outputDir)).bytes, exported.bytes)).toBe(0);

  // What Generate sends is the same PNG, byte for byte; Motion 2 kept only what the disc did not take.
  await editor.selectArea('Motion 2');
  await editor.useTool('Path');
  await editor.drag([{ x: 1050, y: 100 }, { x: 900, y: 100 }]);
  await editor.selectArea('Motion 1');
  await editor.drag([{ x: 400, y: 300 }, { x: 600, y: 300 }]);
  const sent = await generateAndCapture(studio, 'imported mask');
  const body = creates(studio.sandbox).at(-1) as { dynamic_masks: { mask: string }[] };
  expect(Buffer.from(body.dynamic_masks[0]!.mask, 'base64').equals(exported.bytes)).toBe(true);
  expect(pixel(sent.dynamic[1]!.mask, 400, 300)).toBe(0);
  expect(pixel(sent.dynamic[1]!.mask, 1050, 100)).toBe(255);

  // The import is one undo step (the second import changed no pixel, so it made none): after the two paths, one undo
  // leaves Motion 1 empty and Motion 2 whole again.
  await editor.canvas.focus();
  for (let i = 0; i < 2; i++) await studio.page.keyboard.press('Control+z');
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo Import mask into Motion 1');
  await studio.page.keyboard.press('Control+z');
  await expect(editor.button('Export mask')).toBeDisabled();
  await editor.selectArea('Motion 2');
  const motion2 = await motion.exportMask(testInfo.outputDir);
  expect(pixel(decodeGrayPng(new Uint8Array(motion2.bytes)), 400, 300)).toBe(255);
  expect(motion2.bytes.equals(motion2Before.bytes)).toBe(true);
});

test('a smaller mask of the same ratio is scaled; a wrong ratio or a file that is no image is refused, saying why', async ({ studio }, testInfo) => {
  const editor = new EditorPage(studio.page);
  test.skip(!studio.host, 'the save dialog is answered by the recording desktop of the Chromium host');
  const motion = new MotionPanel(studio.page, studio.host);
  await studio.ui.openStartFrame(START);
  await editor.waitForCanvas();
  await editor.selectArea('Motion 1');

  const half = testInfo.outputPath('editor-mask-half.png');
  await writeFile(half, encodeGrayPng(W / 2, H / 2, drawnMask(W / 2, H / 2, 0.5)));
  await motion.importMask(half);
  await expect(motion.maskMessage).toContainText('scaled from 640 × 360');
  const scaled = decodeGrayPng(new Uint8Array((await motion.exportMask(testInfo.outputDir)).bytes));
  expect([scaled.width, scaled.height]).toEqual([W, H]);
  expect(scaled.pixels.every((v) => v === 0 || v === 255)).toBe(true);
  expect(pixel(scaled, 400, 300)).toBe(255);
  expect(pixel(scaled, 950, 530)).toBe(255);
  expect(pixel(scaled, 100, 650)).toBe(0);
  const disc = Math.PI * 150 * 150 + 300 * 60;
  expect(Math.abs(whiteCount(scaled) - disc) / disc).toBeLessThan(0.02);

  const square = testInfo.outputPath('editor-mask-square.png');
  await writeFile(square, encodeGrayPng(500, 500, new Uint8Array(500 * 500).fill(255)));
  await motion.importMask(square);
  await expect(motion.maskError).toHaveText(
    "The mask is 500 × 500 (1:1); it needs the start frame's aspect ratio, 1280 × 720 (16:9). Resize or crop it to that ratio.",
  );
  const notImage = testInfo.outputPath('editor-mask-notes.png');
  await writeFile(notImage, 'not a picture at all');
  await motion.importMask(notImage);
  await expect(motion.maskError).toContainText('cannot be read as an image');
  // Neither refusal touched the area.
  const after = decodeGrayPng(new Uint8Array((await motion.exportMask(testInfo.outputDir)).bytes));
  expect(Buffer.compare(Buffer.from(after.pixels), Buffer.from(scaled.pixels))).toBe(0);
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo Import mask into Motion 1');
});
